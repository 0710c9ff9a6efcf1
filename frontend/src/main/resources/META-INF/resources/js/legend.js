import { TIERS, tierColour } from './tiers.js';

// The tier legend: each tier's population band, how many entries 专栏3 names, how many units the map
// colours with it (districts inherit their city's tier, so the two counts differ).
export function renderLegend(element, tierTable, counties) {
  const unitsByTier = {};
  counties.forEach((c) => { unitsByTier[c.tier] = (unitsByTier[c.tier] || 0) + 1; });
  const rows = TIERS.map((tier) => {
    const entry = tierTable.find((t) => t.tier === tier) || {};
    return `<tr><td><div class="swatch" style="background:${tierColour(tier)}"></div></td>
      <td>${tier}</td><td>${entry.population || ''}</td>
      <td class="num">${entry.count ?? ''}</td><td class="num">${unitsByTier[tier] || 0}</td></tr>`;
  }).join('');
  element.innerHTML = `<h3>2025年城镇规模等级</h3>
    <table><thead><tr><th></th><th>等级</th><th>城区人口</th><th class="num">列名数</th><th class="num">县级单元</th></tr></thead>
    <tbody>${rows}</tbody></table>
    <p class="note">来源：《山西省“十四五”新型城镇化规划》专栏3。市辖区按所属地级市等级着色。共 ${counties.length} 个县级单元。</p>`;
}
