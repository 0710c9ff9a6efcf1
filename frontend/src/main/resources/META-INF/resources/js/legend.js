import { TIERS, tierColour } from './tiers.js';
import { REGION_COLOURS } from './layers.js';
import { CONTROL_LINES, CONFLICTS } from './controllines.js';
import { t } from './i18n.js';

// The tier legend: each tier's population band, how many entries 专栏3 names, how many units the map
// colours with it (districts inherit their city's tier, so the two counts differ).
export function renderLegend(element, tierTable, counties) {
  const unitsByTier = {};
  counties.forEach((c) => { unitsByTier[c.tier] = (unitsByTier[c.tier] || 0) + 1; });
  const rows = TIERS.map((tier) => {
    const entry = tierTable.find((e) => e.tier === tier) || {};
    return `<tr><td><div class="swatch" style="background:${tierColour(tier)}"></div></td>
      <td>${t(tier)}</td><td>${entry.population ? t(entry.population) : ''}</td>
      <td class="num">${entry.count ?? ''}</td><td class="num">${unitsByTier[tier] || 0}</td></tr>`;
  }).join('');
  // The whole legend and each structure's section fold away; closed on short screens, so the legend never
  // covers the layer panel, and a structure's long list can be shut while the tiers stay open.
  const section = (title, body) => `<details open><summary>${title}</summary>${body}</details>`;
  element.innerHTML = `<details ${window.innerHeight >= 800 && window.innerWidth > 640 ? 'open' : ''}><summary>${t('图例 · 2025年城镇规模等级')}</summary>
    <table><thead><tr><td></td><th scope="col">${t('等级')}</th><th scope="col">${t('城区人口')}</th><th scope="col" class="num">${t('列名数')}</th><th scope="col" class="num">${t('县级单元')}</th></tr></thead>
    <tbody>${rows}</tbody></table>
    <p class="note">${t('来源：《山西省“十四五”新型城镇化规划》专栏3。市辖区按所属地级市等级着色。共 {count} 个县级单元。', { count: counties.length })}</p>
    <div class="structure" data-for="town-groups">${section(t('区域性城镇群'),
      `<div><span class="line" style="border-color:#86198f"></span>${t('城镇群范围（成员县区合并）')}</div>`)}</div>
    <div class="structure" data-for="regions">${section(t('一群两区三圈'),
      `${Object.entries(REGION_COLOURS).filter(([kind]) => kind !== '示范区').map(([kind, colour]) => `<div><span class="line" style="border-color:${colour}"></span>${t(kind)}</div>`).join('')}
      <div><span class="line dashed"></span>${t('虚线：规划未界定范围，仅为示意')}</div>
      <p class="note">${t('山西转型综合改革示范区：规划未给出成员市或范围，图上不绘制，见其说明。')}</p>`)}</div>
    <div class="structure" data-for="${[...CONTROL_LINES, CONFLICTS].map((l) => l.id).join(' ')}">${section(t('三条控制线'),
      `${[...CONTROL_LINES, CONFLICTS].map((l) => `<div><span class="swatch" style="background:${l.style.fillColor};border-color:${l.style.color}"></span>${t(l.title)}</div>`).join('')}
      <p class="note demo">${t('示意数据（非官方）：由程序生成，仅供演示；编辑人员可导入正式数据替换。')}</p>`)}</div></details>`;
}

// Shows the structure entries only while their layer is on.
export function syncLegend(element, visible) {
  element.querySelectorAll('.structure').forEach((s) => { s.hidden = !s.dataset.for.split(' ').some((id) => visible.includes(id)); });
}
