import { TIERS, tierColour } from './tiers.js';
import { t, placeHtml, locale } from './i18n.js';

const COLUMNS = [
  { key: 'name', title: '名称', place: true }, { key: 'cityName', title: '所属市', place: true }, { key: 'kind', title: '类型' },
  { key: 'tierBasis', title: '等级依据' }, { key: 'areaKm2', title: '面积 km²', numeric: true },
];

// All units grouped by tier, with counts; any column sorts (its header is a button); a row selects its unit
// on the map, by click or by Enter.
export function renderTierTable(element, counties, onSelect) {
  let sortKey = 'name';
  let ascending = true;
  const draw = () => {
    const sorted = [...counties].sort((a, b) => {
      const x = a[sortKey];
      const y = b[sortKey];
      const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return ascending ? c : -c;
    });
    const head = COLUMNS.map((c) => `<th scope="col" class="${c.numeric ? 'num' : ''}" aria-sort="${
      sortKey === c.key ? (ascending ? 'ascending' : 'descending') : 'none'}"><button type="button" data-key="${c.key}">${t(c.title)}</button></th>`).join('');
    const cell = (c, col) => {
      if (col.key === 'tierBasis') return t(c.tierBasisLabel);
      if (col.numeric) return c[col.key].toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return col.place ? placeHtml(c[col.key]) : t(c[col.key]);
    };
    const groups = TIERS.map((tier) => {
      const rows = sorted.filter((c) => c.tier === tier);
      return `<tbody><tr class="tier-head"><th scope="rowgroup" colspan="${COLUMNS.length}"><span class="swatch" style="background:${tierColour(tier)}"></span>
        ${t(tier)} <small>${rows[0] ? t(rows[0].tierPopulation) : ''} · ${t('{count} 个县级单元', { count: rows.length })}</small></th></tr>
        ${rows.map((c) => `<tr data-adcode="${c.adcode}" tabindex="0">${COLUMNS.map((col) => `<td class="${col.numeric ? 'num' : ''}">${cell(c, col)}</td>`).join('')}</tr>`).join('')}
      </tbody>`;
    }).join('');
    element.querySelector('.table-body').innerHTML = `<table class="tier-table"><thead><tr>${head}</tr></thead>${groups}</table>`;
  };
  const choose = (event) => {
    const button = event.target.closest('button[data-key]');
    if (button) {
      ascending = button.dataset.key === sortKey ? !ascending : true;
      sortKey = button.dataset.key;
      draw();
      element.querySelector(`button[data-key="${sortKey}"]`).focus();
      return;
    }
    const row = event.target.closest('tr[data-adcode]');
    if (row) onSelect(row.dataset.adcode);
  };
  element.addEventListener('click', choose);
  element.addEventListener('keydown', (event) => { if (event.key === 'Enter' && event.target.matches('tr[data-adcode]')) choose(event); });
  draw();
}
