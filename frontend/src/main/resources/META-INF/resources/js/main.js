// Composes the viewer: loads what the server says (layers, configuration, plan tables, documents), builds
// each piece with what it needs passed in, and ties them together through one store holding the selection.
import { csrfFetch, getJson } from './api.js';
import { createStore } from './store.js';
import { createMap, finishMap } from './map-frame.js';
import { SMALL_LAYERS, bandFor, loadBand, followZoomBands } from './zoom-bands.js';
import { createPlaces } from './places.js';
import { followSelection } from './selection.js';
import { attachCard } from './card.js';
import { layerGroups, layerPanel } from './layers.js';
import { renderLegend, syncLegend } from './legend.js';
import { readPermalink, writePermalink } from './permalink.js';
import { buildIndex, attachSearch } from './search.js';
import { renderTierTable } from './tier-table.js';
import { attachReader } from './reader.js';
import { CONTROL_LINES, CONFLICTS, controlLineLayer, attachIdentify } from './controllines.js';
import { attachExportImage } from './export-image.js';
import { attachLedger } from './ledger.js';
import { attachImport } from './import.js';
import { attachOfficialBoundaries, attributeBoundaries } from './official-boundaries.js';
import { attachSession } from './session.js';
import { attachExport } from './export.js';
import { attachPanels, closeButtons, followFocus } from './panels.js';
import { lang, t, loadPlaceNames, translatePage, otherLanguageHash, placeText } from './i18n.js';
import { uncoveredPadding, attachMenu, attachToolsMenu } from './layout.js';
import { followLabelCollisions } from './labels.js';
import { drawing } from './sketch.js';
import { attachReview } from './review.js';
import { attachPrint } from './print.js';
import { attachMeasure } from './measure.js';
import { attachHistory } from './history.js';
import { versionComparer } from './compare.js';

const status = document.getElementById('status');
const card = document.getElementById('card');
translatePage();
attachMenu(document.getElementById('menu-toggle'), document.getElementById('header-menu'));
attachToolsMenu(document.getElementById('tools-button'), document.getElementById('tools-menu'));
// The other language is the same view: the link carries the permalink, and the page reloads in it.
const languageLink = document.getElementById('lang-switch');
if (lang === 'en') {
  languageLink.textContent = '中文';
  languageLink.lang = 'zh-CN';
  languageLink.hreflang = 'zh-CN';
}
const followLanguageLink = () => { languageLink.href = otherLanguageHash(); };
languageLink.addEventListener('click', () => { setTimeout(() => window.location.reload()); });

function showError(error) {
  status.textContent = error.message;
  setTimeout(() => { status.textContent = ''; }, 5000);
}

// After an import the page reloads its layers: the simplest way to show the new line and its conflicts.
const importer = attachImport(document.getElementById('import'), csrfFetch, () => {
  setTimeout(() => window.location.reload(), 1500);
});
// After new county boundaries the page reloads when the planner has read the report.
const officialBoundaries = attachOfficialBoundaries(csrfFetch, () => window.location.reload());
attachSession(document.getElementById('session'));

async function start() {
  status.textContent = t('正在加载…');
  const map = createMap(document.getElementById('map'));
  // The view first (from the permalink or the province's extent), so the layers come generalised for it.
  const [catalog, config] = await Promise.all([getJson('/api/layers'), getJson('/api/viewer-config'), loadPlaceNames(getJson)]);
  importer.limitUploads(config.maxUploadBytes);
  attributeBoundaries(map, catalog, getJson);
  const initial = readPermalink();
  if (initial.center) {
    map.setView(initial.center, initial.zoom);
  } else {
    const [minLon, minLat, maxLon, maxLat] = catalog.find((l) => l.id === 'province').bbox;
    map.fitBounds([[minLat, minLon], [maxLat, maxLon]], { padding: [10, 10] });
  }
  const band = bandFor(config.zoomBands, map.getZoom());
  // The 三条控制线 group appears once the store holds control-line layers; 示意 only while a stored layer is
  // the demonstration set, an imported official line says so.
  const entry = (id) => catalog.find((l) => l.id === id);
  const lines = [...CONTROL_LINES, CONFLICTS].filter((line) => entry(line.id));
  const lineOverlays = Object.fromEntries(lines.map((line) => [line.id, controlLineLayer(line, entry(line.id).version)]));
  attachIdentify(map, () => lines.map((l) => l.id).filter((id) => map.hasLayer(lineOverlays[id])));
  const [collections, tierTable, countyList, documents] = await Promise.all([
    loadBand(band), getJson('/api/plan/city-tiers'), getJson('/api/counties'), getJson('/api/plan/documents')]);
  const layers = Object.fromEntries(SMALL_LAYERS.map((id, i) => [id, collections[i]]));

  const store = createStore({ selection: null });
  const places = createPlaces(layers, (kind, id) => selection.select(kind, id));
  const overlays = { ...places.overlays, ...lineOverlays };
  const groups = layerGroups(lines.map((line) => ({ id: line.id, history: CONTROL_LINES.includes(line),
    title: t('{title}（{kind}）', { title: t(line.title), kind: entry(line.id).title.includes('示意') ? t('示意') : t('正式数据') }) })));
  const visibleLayers = () => groups.flatMap((g) => g.layers.map((l) => l.id)).filter((id) => map.hasLayer(overlays[id]));
  const review = attachReview(map, () => uncoveredPadding(map.getContainer(), panels));
  const measure = attachMeasure(map);
  // The legend counts as a panel: a chosen place comes to rest beside it too.
  const panels = ['card', 'reader', 'ledger', 'tier-view', 'history', 'review', 'legend'].map((id) => document.getElementById(id));
  const selection = followSelection(store, { map, places, card, onError: showError,
    padding: () => uncoveredPadding(map.getContainer(), panels), plan: {
    countyList,
    titles: Object.fromEntries(documents.map((d) => [d.file, d.title])),
    taskList: documents.find((d) => d.kind === 'task-list').file,
    taskListCity: config.taskListCity,
  } });
  const selectAndZoom = (kind, id) => selection.select(kind, id, { zoom: true });
  const readerPanel = document.getElementById('reader');
  let reading = null;
  const reader = attachReader(readerPanel, documents, places.kindOf, selectAndZoom, (doc, at) => {
    reading = { doc, at };
    syncView();
  });

  places.drawn.neighbours.addTo(map);
  places.selection.addTo(map);
  const wanted = initial.layers || groups.flatMap((g) => g.layers.filter((l) => l.on).map((l) => l.id));
  ['regions', 'counties', ...lines.map((l) => l.id), 'town-groups', 'cities', 'province', 'labels']
    .forEach((id) => { if (wanted.includes(id)) overlays[id].addTo(map); });
  // For bench/run (and the browser's performance panel): when the map's layers first reach the screen.
  requestAnimationFrame(() => performance.mark('planmap:map-drawn'));
  finishMap(map);
  const declutter = followLabelCollisions(map);

  const updateExportLink = attachExportImage(document.getElementById('export-image'), map, visibleLayers,
    document.getElementById('download-status'));
  const syncView = () => {
    syncLegend(document.getElementById('legend'), visibleLayers());
    writePermalink({ zoom: map.getZoom(), center: map.getCenter(), layers: visibleLayers(), selection: store.get().selection,
      reading: readerPanel.hidden ? null : reading, lang });
    updateExportLink();
    followLanguageLink();
    declutter();
  };
  const exporter = attachExport(map, catalog, layers.cities.features.map((f) => ({ ...f.properties, bounds: places.bounds('city', f.properties.adcode) })),
    visibleLayers);
  // After a restore the page reloads, as after an import.
  const comparer = versionComparer(map, lineOverlays);
  const historyPanel = attachHistory(document.getElementById('history'), { send: csrfFetch,
    compare: comparer.compare,
    onRestored: () => setTimeout(() => window.location.reload(), 1500) });
  const showHistory = (id) => historyPanel.show(id).catch(showError);
  layerPanel(map, groups, overlays, config.basemaps, syncView, showHistory);
  renderLegend(document.getElementById('legend'), tierTable, countyList);
  renderTierTable(document.getElementById('tier-view'), countyList, (adcode) => selectAndZoom('county', adcode));
  attachSearch(document.getElementById('search'), document.getElementById('search-input'), document.getElementById('search-results'),
    buildIndex(layers.counties.features, layers.cities.features, layers['town-groups'].features, layers.regions.features),
    (hit, text) => {
      if (!hit) {
        showError(new Error(t('未找到“{text}”', { text })));
        return;
      }
      selectAndZoom(hit.kind, hit.id);
      card.focus(); // the keyboard's way on from a search is into the card it opened
    });
  attachCard(card, { onPlace: selectAndZoom, onRead: (file, at) => reader.show(file, at).catch(showError), onClose: selection.clear,
    status: document.getElementById('download-status') });
  // The print title the view suggests: the chosen place, else the plan.
  const printer = attachPrint(map, visibleLayers, () => {
    const chosen = store.get().selection;
    return chosen && places.has(chosen.kind, chosen.id) ? placeText(places.properties(chosen.kind, chosen.id).name) : t('山西省“十四五”新型城镇化规划');
  }, comparer.printed);
  const ledger = attachLedger(document.getElementById('ledger'), (adcode) => selectAndZoom('county', adcode));
  attachPanels({
    'show-table': { panel: 'tier-view', show: (panel) => { panel.hidden = false; } },
    'show-reader': { panel: 'reader', show: (panel) => reader.show(panel.querySelector('select').value) },
    'show-ledger': { panel: 'ledger', show: () => ledger.show() },
    'show-import': { panel: 'import', show: () => importer.show() },
    'show-official-boundaries': { panel: 'official-boundaries', show: () => officialBoundaries.show() },
    'show-export': { panel: 'export', show: () => exporter.show() },
    'show-review': { panel: 'review', show: () => review.show(), hide: () => review.close() },
    'show-print': { panel: 'print', show: () => printer.show() },
    'show-measure': { panel: 'measure', show: () => measure.show(), hide: () => measure.close() },
    'show-history': { panel: 'history', show: () => historyPanel.show(), hide: historyPanel.hide },
  }, showError);
  closeButtons('tier-view', 'reader');
  followFocus(['tools-button', 'menu-toggle', 'search-input']);
  readerPanel.querySelector('.close').addEventListener('click', () => syncView());

  followZoomBands(map, places.drawn, config.zoomBands, band, showError, places.redrawSelection);
  map.on('moveend', syncView);
  map.on('click', () => { if (!drawing(map)) selection.clear(); });
  store.subscribe(syncView);
  if (initial.selection) selection.select(initial.selection.kind, initial.selection.id, { reveal: true });
  if (initial.reading) await reader.show(initial.reading.doc, initial.reading.at).catch(showError);
  syncView();
  status.textContent = '';
  document.body.dataset.ready = 'true';
}

start().catch(showError);
