import { TIERS, tierColour } from './tiers.js';

const COLUMNS = [
  { key: 'name', title: '名称' }, { key: 'cityName', title: '所属市' }, { key: 'kind', title: '类型' },
  { key: 'tierBasis', title: '等级依据' }, { key: 'areaKm2', title: '面积 km²', numeric: true },
];

// All units grouped by tier, with counts; any column sorts; a row selects its unit on the map.
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
    const head = COLUMNS.map((c) => `<th data-key="${c.key}" class="${c.numeric ? 'num' : ''}" aria-sort="${
      sortKey === c.key ? (ascending ? 'ascending' : 'descending') : 'none'}">${c.title}</th>`).join('');
    const groups = TIERS.map((tier) => {
      const rows = sorted.filter((c) => c.tier === tier);
      return `<tbody><tr class="tier-head"><th colspan="${COLUMNS.length}"><span class="swatch" style="background:${tierColour(tier)}"></span>
        ${tier} <small>${rows[0] ? rows[0].tierPopulation : ''} · ${rows.length} 个县级单元</small></th></tr>
        ${rows.map((c) => `<tr data-adcode="${c.adcode}">${COLUMNS.map((col) => `<td class="${col.numeric ? 'num' : ''}">${
          col.key === 'tierBasis' ? c.tierBasisLabel : col.numeric ? c[col.key].toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : c[col.key]}</td>`).join('')}</tr>`).join('')}
      </tbody>`;
    }).join('');
    element.querySelector('.table-body').innerHTML = `<table class="tier-table"><thead><tr>${head}</tr></thead>${groups}</table>`;
  };
  element.addEventListener('click', (event) => {
    const th = event.target.closest('th[data-key]');
    if (th) {
      ascending = th.dataset.key === sortKey ? !ascending : true;
      sortKey = th.dataset.key;
      draw();
      return;
    }
    const row = event.target.closest('tr[data-adcode]');
    if (row) onSelect(row.dataset.adcode);
  });
  draw();
}
