// Finds places as a planner types them: full or leading part of a name (孝义 → 孝义市), an adcode, or a
// town group / region name. Exact names rank first, then prefixes, then names that merely contain it.
const KIND_LABEL = { county: '县级', city: '地级市', group: '城镇群', region: '一群两区三圈' };

export function buildIndex(counties, cities, groups, regions) {
  const entries = [];
  counties.forEach((f) => entries.push({ kind: 'county', id: f.properties.adcode, name: f.properties.name, hint: f.properties.cityName }));
  cities.forEach((f) => entries.push({ kind: 'city', id: f.properties.adcode, name: f.properties.name, hint: f.properties.tier }));
  groups.forEach((f) => entries.push({ kind: 'group', id: f.properties.id, name: f.properties.name, hint: f.properties.pattern || '' }));
  regions.forEach((f) => entries.push({ kind: 'region', id: f.properties.id, name: f.properties.name, hint: f.properties.kind }));
  return entries;
}

export function search(index, query) {
  const q = query.trim();
  if (!q) return [];
  const rank = (e) => {
    if (e.name === q || e.id === q) return 0;
    if (e.name.startsWith(q) || e.id.startsWith(q)) return 1;
    if (e.name.includes(q)) return 2;
    return -1;
  };
  return index.map((e) => ({ e, r: rank(e) })).filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.e.name.length - b.e.name.length || a.e.id.localeCompare(b.e.id))
    .map((x) => x.e).slice(0, 12);
}

export function attachSearch(form, input, list, index, onPick) {
  let results = [];
  const render = () => {
    list.innerHTML = results.map((e, i) => `<li role="option" data-i="${i}"><span>${e.name}</span>
      <small>${KIND_LABEL[e.kind]}${e.hint ? ` · ${e.hint}` : ''}</small></li>`).join('');
    list.hidden = results.length === 0;
  };
  input.addEventListener('input', () => { results = search(index, input.value); render(); });
  list.addEventListener('click', (event) => {
    const li = event.target.closest('li');
    if (!li) return;
    onPick(results[Number(li.dataset.i)]);
    list.hidden = true;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    results = search(index, input.value);
    if (results.length) onPick(results[0]); else onPick(null, input.value);
    list.hidden = true;
  });
}
