import { getJson } from './api.js';
import { showCounty, showCity, showGroup, showRegion } from './card.js';
import { renderPassages, renderTasks, passageSummary, taskSummary } from './passages.js';
import { OVERLAY_OF } from './places.js';
import { t } from './i18n.js';

// What follows from the store's `selection`: the place's outline highlighted (its layer switched on if it
// was off) and its card drawn. `plan` holds what the non-county cards need: countyList, titles (document
// file → title), taskList (the 吕梁 task document's file) and taskListCity. `padding` gives fitBounds the
// part of the map the open panels leave free.
export function followSelection(store, { map, places, card, plan, onError, padding }) {
  const current = (kind, id) => {
    const s = store.get().selection;
    return s && s.kind === kind && s.id === id;
  };
  // Answers that arrive after the planner has moved on are dropped.
  const fill = (kind, id, promise, render) => promise.then((value) => { if (current(kind, id)) render(value); }).catch(onError);
  const section = (name) => card.querySelector(`.${name}`);

  async function cityTasks() {
    const tasks = await getJson('/api/plan/luliang-tasks');
    return taskSummary(tasks, plan.titles, plan.taskList);
  }

  function showCard(kind, id) {
    if (kind === 'county') {
      // Shown at once, so that the map makes room for it before its document arrives.
      card.innerHTML = `<p class="loading">${t('正在加载…')}</p>`;
      card.hidden = false;
      fill(kind, id, getJson(`/api/counties/${id}/card`), (c) => {
        showCounty(card, c);
        renderPassages(section('passages'), c.passages);
        renderTasks(section('tasks'), c.luliangTasks);
      });
      return;
    }
    const p = places.properties(kind, id);
    if (kind === 'city') showCity(card, p, plan.countyList.filter((c) => c.cityAdcode === id));
    if (kind === 'group') showGroup(card, p);
    if (kind === 'region') showRegion(card, p);
    fill(kind, id, getJson(`/api/plan/passages?place=${encodeURIComponent(id)}`),
      (found) => renderPassages(section('passages'), passageSummary(found, plan.titles)));
    if (kind === 'city' && id === plan.taskListCity) fill(kind, id, cityTasks(), (tasks) => renderTasks(section('tasks'), tasks));
  }

  store.subscribe(({ selection }, { selection: previous }) => {
    if (selection === previous) return;
    if (previous) places.highlight(previous.kind, previous.id, false);
    if (!selection) {
      card.hidden = true;
      return;
    }
    const overlay = OVERLAY_OF[selection.kind];
    if (!map.hasLayer(places.overlays[overlay])) {
      map.addLayer(places.overlays[overlay]);
      document.querySelector(`.layer-panel input[data-layer="${overlay}"]`).checked = true;
    }
    places.highlight(selection.kind, selection.id, true);
    showCard(selection.kind, selection.id);
  });

  // A permalink keeps its zoom: the map only pans, as little as it must, so that the place lies in the part of the
  // map the open panels (and the legend) leave free; a place larger than that part is centred in it.
  function reveal(bounds) {
    const size = map.getSize();
    const { paddingTopLeft: [left, top], paddingBottomRight: [right, bottom] } = padding();
    const nw = map.latLngToContainerPoint(bounds.getNorthWest());
    const se = map.latLngToContainerPoint(bounds.getSouthEast());
    const shift = (low, high, freeLow, freeHigh) => {
      if (high - low > freeHigh - freeLow) return (low + high) / 2 - (freeLow + freeHigh) / 2;
      if (low < freeLow) return low - freeLow;
      return high > freeHigh ? high - freeHigh : 0;
    };
    const by = [shift(nw.x, se.x, left, size.x - right), shift(nw.y, se.y, top, size.y - bottom)];
    if (by[0] || by[1]) map.panBy(by);
  }

  return {
    /** `zoom` fits the place into the free part of the map (a search, the ledger, a card's link), `reveal` only pans it there. */
    select(kind, id, { zoom = false, reveal: pan = false } = {}) {
      if (!places.has(kind, id)) return;
      store.set({ selection: { kind, id } });
      const bounds = places.bounds(kind, id);
      if (zoom) map.fitBounds(bounds, { maxZoom: 9, ...padding() });
      else if (pan) reveal(bounds);
    },
    clear: () => store.set({ selection: null }),
  };
}
