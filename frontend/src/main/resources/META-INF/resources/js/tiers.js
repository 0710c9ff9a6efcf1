// The five city-size tiers of 专栏3, largest first, with their map colours (a sequential ramp, so the
// order of size reads at a glance and survives greyscale printing).
export const TIERS = ['I型大城市', 'II型大城市', '中等城市', 'I型小城市', 'II型小城市'];

const COLOURS = {
  'I型大城市': '#8c2d04',
  'II型大城市': '#d94801',
  '中等城市': '#f16913',
  'I型小城市': '#fdae6b',
  'II型小城市': '#feedde',
};

export const tierColour = (tier) => COLOURS[tier] || '#cccccc';

export const BASIS = {
  named: '专栏3 直接列名',
  corrected: '专栏3 列名有误，已更正',
  inherited: '市辖区，继承所属地级市的等级',
};
