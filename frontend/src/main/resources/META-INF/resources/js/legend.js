import { TIERS, tierColour } from './tiers.js';
import { REGION_COLOURS } from './layers.js';
import { CONTROL_LINES, CONFLICTS } from './controllines.js';

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
  // Collapsible, and closed on short screens, so it never covers the layer panel.
  element.innerHTML = `<details ${window.innerHeight >= 800 ? 'open' : ''}><summary>图例 · 2025年城镇规模等级</summary>
    <table><thead><tr><th></th><th>等级</th><th>城区人口</th><th class="num">列名数</th><th class="num">县级单元</th></tr></thead>
    <tbody>${rows}</tbody></table>
    <p class="note">来源：《山西省“十四五”新型城镇化规划》专栏3。市辖区按所属地级市等级着色。共 ${counties.length} 个县级单元。</p>
    <div class="structure" data-for="town-groups"><h3>区域性城镇群</h3>
      <div><span class="line" style="border-color:#86198f"></span>城镇群范围（成员县区合并）</div></div>
    <div class="structure" data-for="regions"><h3>一群两区三圈</h3>
      ${Object.entries(REGION_COLOURS).filter(([kind]) => kind !== '示范区').map(([kind, colour]) => `<div><span class="line" style="border-color:${colour}"></span>${kind}</div>`).join('')}
      <div><span class="line dashed"></span>虚线：规划未界定范围，仅为示意</div>
      <p class="note">山西转型综合改革示范区：规划未给出成员市或范围，图上不绘制，见其说明。</p></div>
    <div class="structure" data-for="${[...CONTROL_LINES, CONFLICTS].map((l) => l.id).join(' ')}"><h3>三条控制线</h3>
      ${[...CONTROL_LINES, CONFLICTS].map((l) => `<div><span class="swatch" style="background:${l.style.fillColor};border-color:${l.style.color}"></span>${l.title}</div>`).join('')}
      <p class="note demo">示意数据（非官方）：由程序生成，仅供演示；编辑人员可导入正式数据替换。</p></div></details>`;
}

// Shows the structure entries only while their layer is on.
export function syncLegend(element, visible) {
  element.querySelectorAll('.structure').forEach((s) => { s.hidden = !s.dataset.for.split(' ').some((id) => visible.includes(id)); });
}
