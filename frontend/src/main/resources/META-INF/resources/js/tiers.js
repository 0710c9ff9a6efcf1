import { styleOf } from './styles.js';

// The five city-size tiers of 专栏3, largest first, with their map colours from the shared style file
// (a sequential ramp, so the order of size reads at a glance and survives greyscale printing).
const BY_TIER = styleOf('counties').fillBy;

export const TIERS = Object.keys(BY_TIER.values);

export const tierColour = (tier) => BY_TIER.values[tier] || BY_TIER.default;

const DARK_TEXT = '#243b53';

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// Text on a tier's colour: dark or white, whichever contrasts more (WCAG), so a new ramp needs no list here.
export function textOn(hex) {
  const l = luminance(hex);
  return (l + 0.05) / (luminance(DARK_TEXT) + 0.05) > 1.05 / (l + 0.05) ? DARK_TEXT : '#fff';
}
