import { styleOf } from './styles.js';

// The five city-size tiers of 专栏3, largest first, with their map colours from the shared style file
// (a sequential ramp, so the order of size reads at a glance and survives greyscale printing).
const BY_TIER = styleOf('counties').fillBy;

export const TIERS = Object.keys(BY_TIER.values);

export const tierColour = (tier) => BY_TIER.values[tier] || BY_TIER.default;

export const BASIS = {
  named: '专栏3 直接列名',
  corrected: '专栏3 列名有误，已更正',
  inherited: '市辖区，继承所属地级市的等级',
};
