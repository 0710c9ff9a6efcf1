import { escape } from './text.js';
import { CONTROL_LINES } from './controllines.js';
import { t, placeHtml, locale } from './i18n.js';

const LEVELS = { county: '县级', city: '地级市', group: '城镇群' };
const CONFLICTS = { 'farmland-development': '农田∩开发边界', 'redline-development': '红线∩开发边界' };
// 公顷 always with two decimals and 亩 whole, so that a column's figures line up on the decimal point (9,312.1 stood
// ragged under 20,364.82); a 亩 is 1/15 公顷, its decimals say nothing a planner reads.
const fmt = (v, digits = 2) => Number(v).toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
// Counties and cities each cover the province once, so their rows add up; town groups may share members.
const ADDS_UP = ['county', 'city'];

// Every column the ledger shows: a header, how a row gives its value (for sorting) and its cell.
function columns() {
  const area = (title, get, className = '') => [
    { title: `${title}<br><small>${t('公顷')}</small>`, value: (r) => get(r).ha, cell: (r) => fmt(get(r).ha), className },
    { title: `${title}<br><small>${t('亩')}</small>`, value: (r) => get(r).mu, cell: (r) => fmt(get(r).mu, 0), className }];
  return [
    { title: t('名称'), value: (r) => r.name, cell: (r) => placeHtml(r.name), text: true },
    { title: `${t('面积')}<br><small>${t('公顷')}</small>`, value: (r) => r.unitAreaHa, cell: (r) => fmt(r.unitAreaHa) },
    ...CONTROL_LINES.flatMap((l) => [...area(t(l.title), (r) => r.lines[l.id]),
      { title: `${t(l.title)}<br><small>${t('占比')}</small>`, value: (r) => r.lines[l.id].sharePercent,
        cell: (r) => `${r.lines[l.id].sharePercent.toFixed(1)}%` }]),
    ...Object.entries(CONFLICTS).flatMap(([k, title]) => area(t(title), (r) => r.conflicts[k], 'conflict')),
  ];
}

// The level's totals, in the rows' own shape, so that the same columns draw them.
function totals(rows) {
  const sum = (get) => rows.reduce((s, r) => s + get(r), 0);
  const unitAreaHa = sum((r) => r.unitAreaHa);
  const area = (get) => ({ ha: sum((r) => get(r).ha), mu: sum((r) => get(r).mu) });
  return { name: t('合计'), unitAreaHa,
    lines: Object.fromEntries(CONTROL_LINES.map((l) => {
      const a = area((r) => r.lines[l.id]);
      return [l.id, { ...a, sharePercent: unitAreaHa ? (a.ha / unitAreaHa) * 100 : 0 }];
    })),
    conflicts: Object.fromEntries(Object.keys(CONFLICTS).map((k) => [k, area((r) => r.conflicts[k])])) };
}

// The 三条控制线 ledger: areas in 公顷 and 亩 and shares per county, city or town group, with the
// conflicts and the level's totals; any column sorts (its header is a button); a county row selects the
// county on the map. The same table as CSV for Excel.
export function attachLedger(panel, onSelectCounty) {
  const body = panel.querySelector('.table-body');
  const picker = panel.querySelector('select');
  const download = panel.querySelector('a.csv');
  picker.innerHTML = Object.entries(LEVELS).map(([code, name]) => `<option value="${code}">${t(name)}</option>`).join('');
  let rows = [];
  let level = 'county';
  let sort = { column: 0, ascending: true };

  function draw() {
    const cols = columns();
    const { value, text } = cols[sort.column];
    const sorted = [...rows].sort((a, b) => {
      const c = text ? String(value(a)).localeCompare(String(value(b)), 'zh-CN') : value(a) - value(b);
      return sort.ascending ? c : -c;
    });
    const head = cols.map((c, i) => `<th scope="col" class="${c.text ? '' : 'num'} ${c.className || ''}" aria-sort="${
      i === sort.column ? (sort.ascending ? 'ascending' : 'descending') : 'none'}"><button type="button" data-column="${i}">${c.title}</button></th>`).join('');
    const row = (r, attributes = '') => `<tr ${attributes}>${cols.map((c, i) => (i === 0 ? `<th scope="row">${c.cell(r)}</th>`
      : `<td class="num ${c.className || ''}">${c.cell(r)}</td>`)).join('')}</tr>`;
    body.innerHTML = `<table class="tier-table ledger"><thead><tr>${head}</tr></thead><tbody>${sorted.map((r) => row(r,
      level === 'county' ? `data-adcode="${escape(r.code)}" tabindex="0"` : '')).join('')}</tbody>
      ${ADDS_UP.includes(level) ? `<tfoot>${row(totals(rows), 'class="total"')}</tfoot>` : ''}</table>
      ${ADDS_UP.includes(level) ? '' : `<p class="note">${t('城镇群的成员可能重叠，不列合计。')}</p>`}`;
  }

  async function show(chosen = picker.value) {
    level = chosen;
    picker.value = level;
    download.href = `/api/control-lines/ledger?level=${level}&format=csv`;
    const [answer, catalog] = await Promise.all([fetch(`/api/control-lines/ledger?level=${level}`).then((r) => r.json()),
      fetch('/api/layers').then((r) => r.json())]);
    rows = answer;
    const demoLines = CONTROL_LINES.filter((l) => (catalog.find((c) => c.id === l.id) || { title: '示意' }).title.includes('示意'));
    panel.querySelector('.demo-note').textContent = demoLines.length
      ? t('{lines}为示意数据（非官方）', { lines: demoLines.map((l) => t(l.title)).join(t('、')) }) : t('正式数据');
    draw();
    panel.hidden = false;
  }

  picker.addEventListener('change', () => show());
  const choose = (event) => {
    const button = event.target.closest('button[data-column]');
    if (button) {
      const column = Number(button.dataset.column);
      sort = { column, ascending: sort.column === column ? !sort.ascending : true };
      draw();
      body.querySelector(`button[data-column="${column}"]`).focus();
      return;
    }
    const row = event.target.closest('tr[data-adcode]');
    if (row) {
      body.querySelectorAll('tr.chosen').forEach((r) => r.classList.remove('chosen'));
      row.classList.add('chosen');
      onSelectCounty(row.dataset.adcode);
    }
  };
  body.addEventListener('click', choose);
  body.addEventListener('keydown', (event) => { if (event.key === 'Enter' && event.target.matches('tr[data-adcode]')) choose(event); });
  panel.querySelector('.close').addEventListener('click', () => { panel.hidden = true; });
  return { show };
}
