import { escape } from './text.js';
import { CONTROL_LINES } from './controllines.js';

const LEVELS = { county: '县级', city: '地级市', group: '城镇群' };
const CONFLICTS = { 'farmland-development': '农田∩开发边界', 'redline-development': '红线∩开发边界' };
const fmt = (v) => Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

// The 三条控制线 ledger: areas in 公顷 (亩 on hover) and shares per county, city or town group, with the
// conflicts, and the same table as CSV for Excel. A county row selects the county on the map.
export function attachLedger(panel, onSelectCounty) {
  const body = panel.querySelector('.table-body');
  const picker = panel.querySelector('select');
  const download = panel.querySelector('a.csv');
  picker.innerHTML = Object.entries(LEVELS).map(([code, name]) => `<option value="${code}">${name}</option>`).join('');

  async function show(level = picker.value) {
    picker.value = level;
    download.href = `/api/control-lines/ledger?level=${level}&format=csv`;
    const [rows, catalog] = await Promise.all([fetch(`/api/control-lines/ledger?level=${level}`).then((r) => r.json()),
      fetch('/api/layers').then((r) => r.json())]);
    const demoLines = CONTROL_LINES.filter((l) => (catalog.find((c) => c.id === l.id) || { title: '示意' }).title.includes('示意'));
    panel.querySelector('.demo-note').textContent = demoLines.length
      ? `${demoLines.map((l) => l.title).join('、')}为示意数据（非官方）` : '正式数据';
    const head = `<tr><th>名称</th><th class="num">面积（公顷）</th>${CONTROL_LINES.map((l) => `<th class="num">${l.title}</th>`).join('')}
      ${Object.values(CONFLICTS).map((c) => `<th class="num conflict">${c}</th>`).join('')}</tr>`;
    body.innerHTML = `<table class="tier-table ledger"><thead>${head}</thead><tbody>${rows.map((r) => `
      <tr ${level === 'county' ? `data-adcode="${escape(r.code)}"` : ''}><td>${escape(r.name)}</td><td class="num">${fmt(r.unitAreaHa)}</td>
      ${CONTROL_LINES.map((l) => { const a = r.lines[l.id]; return `<td class="num" title="${fmt(a.mu)} 亩">${fmt(a.ha)}<small> ${a.sharePercent.toFixed(1)}%</small></td>`; }).join('')}
      ${Object.keys(CONFLICTS).map((k) => `<td class="num conflict" title="${fmt(r.conflicts[k].mu)} 亩">${fmt(r.conflicts[k].ha)}</td>`).join('')}</tr>`).join('')}
    </tbody></table>`;
    panel.hidden = false;
  }

  picker.addEventListener('change', () => show());
  body.addEventListener('click', (event) => {
    const row = event.target.closest('tr[data-adcode]');
    if (row) onSelectCounty(row.dataset.adcode);
  });
  panel.querySelector('.close').addEventListener('click', () => { panel.hidden = true; });
  return { show };
}
