import { t, placeHtml, placeText } from './i18n.js';
import { escape } from './text.js';

// Finds places as a planner types them: full or leading part of a name (孝义 → 孝义市), an adcode, or a
// town group / region name (or, in English mode, its pinyin). Exact names rank first, then prefixes, then
// names that merely contain it.
const KIND_LABEL = { county: '县级', city: '地级市', group: '城镇群', region: '一群两区三圈' };

export function buildIndex(counties, cities, groups, regions) {
  const entries = [];
  counties.forEach((f) => entries.push({ kind: 'county', id: f.properties.adcode, name: f.properties.name, hint: f.properties.cityName, hintIsPlace: true }));
  cities.forEach((f) => entries.push({ kind: 'city', id: f.properties.adcode, name: f.properties.name, hint: f.properties.tier }));
  groups.forEach((f) => entries.push({ kind: 'group', id: f.properties.id, name: f.properties.name, hint: f.properties.pattern || '' }));
  regions.forEach((f) => entries.push({ kind: 'region', id: f.properties.id, name: f.properties.name, hint: f.properties.kind }));
  return entries;
}

export function search(index, query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const rank = (e) => {
    const english = placeText(e.name).slice(e.name.length).trim().toLowerCase();
    if (e.name === q || e.id === q) return 0;
    if (e.name.startsWith(q) || e.id.startsWith(q) || (english && english.startsWith(q))) return 1;
    if (e.name.includes(q) || (english && english.includes(q))) return 2;
    return -1;
  };
  return index.map((e) => ({ e, r: rank(e) })).filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.e.name.length - b.e.name.length || a.e.id.localeCompare(b.e.id))
    .map((x) => x.e).slice(0, 12);
}

// A combobox: typing lists matches, ↓/↑ move through them, Enter picks the one marked (or the best),
// Escape closes the list; a pick calls onPick(hit) or onPick(null, text) when nothing matches.
export function attachSearch(form, input, list, index, onPick) {
  let results = [];
  let active = -1;
  const render = () => {
    list.innerHTML = results.map((e, i) => `<li role="option" id="search-option-${i}" data-i="${i}" aria-selected="${i === active}">
      <span>${placeHtml(e.name)}</span><small>${t(KIND_LABEL[e.kind])}${e.hint ? ` · ${e.hintIsPlace ? placeHtml(e.hint) : escape(t(e.hint))}` : ''}</small></li>`).join('');
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    active = -1;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('input', () => { results = search(index, input.value); active = -1; render(); });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || !results.length) return;
    event.preventDefault();
    active = (active + (event.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
    render();
  });
  list.addEventListener('click', (event) => {
    const li = event.target.closest('li');
    if (!li) return;
    onPick(results[Number(li.dataset.i)]);
    close();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = active >= 0 ? results[active] : search(index, input.value)[0];
    if (chosen) onPick(chosen); else onPick(null, input.value);
    close();
  });
}
