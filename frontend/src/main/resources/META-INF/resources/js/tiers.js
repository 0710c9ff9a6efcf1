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

/** WCAG's contrast ratio of two colours, 1 to 21. */
export function contrast(a, b) {
  const [dark, light] = [luminance(a), luminance(b)].sort((x, y) => x - y);
  return (light + 0.05) / (dark + 0.05);
}

// Text on a tier's colour: the header's dark blue or white where either reaches WCAG AA (4.5:1), else black.
// A mid orange such as II型大城市's #d94801 reaches 4.5 with neither, but never fails with both black and
// white (the better of the two is at least √21 ≈ 4.58), so a new ramp needs no list here.
export function textOn(hex) {
  return [DARK_TEXT, '#ffffff'].find((text) => contrast(hex, text) >= 4.5) ?? '#000000';
}
