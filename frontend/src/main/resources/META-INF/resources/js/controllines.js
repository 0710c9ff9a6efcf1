import { escape } from './text.js';
import { getJson } from './api.js';
import { layerStyle, styleOf } from './styles.js';
import { t, placeHtml, zhHtml, locale } from './i18n.js';
import { drawing } from './sketch.js';

const line = (id) => ({ id, title: styleOf(id).title, style: layerStyle(id) });

// The three control lines (三条控制线), in the colours planners' 国土空间规划 maps use for them.
export const CONTROL_LINES = ['ecological-protection-redline', 'permanent-basic-farmland', 'urban-development-boundary'].map(line);

// Derived from the three: where 永久基本农田 or 生态保护红线 lies inside the 城镇开发边界.
export const CONFLICTS = line('control-line-conflicts');

// Dense layers (an official set can hold hundreds of thousands of polygons) arrive as PNG tiles the
// server draws with the same styles; the layer version in the URL shows an import at once, and the
// server's ETag lets the browser revalidate the rest cheaply. `kept`, a number from the layer's versions list,
// draws that earlier version (issue 19's history) through the same tiles, `version=N` as every door takes it.
export function controlLineLayer(entry, version, pane = 'controllines', kept = null) {
  const query = new URLSearchParams({ v: version });
  if (kept !== null) query.set('version', kept);
  return L.tileLayer(`/api/tiles/${encodeURIComponent(entry.id)}/{z}/{x}/{y}.png?${query}`,
    { pane, maxZoom: 18, className: 'control-line-tiles' });
}

// Tiles carry no features, so a click asks the server what lies under it (any click: 'preclick' also
// fires when a county takes the click) and pops up each control-line feature found there.
export function attachIdentify(map, shownLines) {
  map.on('preclick', (event) => {
    const ids = shownLines();
    if (!ids.length || drawing(map)) return; // a click that places a vertex asks for nothing
    const { lat, lng } = event.latlng;
    getJson(`/api/identify?lat=${lat.toFixed(6)}&lng=${lng.toFixed(6)}&zoom=${Math.round(map.getZoom())}&layers=${ids.join(',')}`)
      .then((hits) => {
        const lines = hits.filter((h) => ids.includes(h.layer));
        if (!lines.length) return;
        L.popup({ className: 'identify-popup' }).setLatLng(event.latlng)
          .setContent(lines.map((h) => popup(CONTROL_LINES.concat(CONFLICTS).find((l) => l.id === h.layer), h.properties)).join(''))
          .openOn(map);
      })
      .catch(() => {});
  });
}

function popup(entry, p) {
  return `<div class="cl-popup"><b>${p.kindName ? zhHtml(p.kindName) : escape(t(entry.title))}</b>
    <div>${placeHtml(p.cityName)} ${placeHtml(p.countyName)}</div>
    <div>${t('面积 {ha} 公顷（{mu} 亩）', { ha: Number(p.areaHa).toLocaleString(locale),
    mu: (Number(p.areaHa) * 15).toLocaleString(locale, { maximumFractionDigits: 0 }) })}</div>
    <div class="status">${zhHtml(p.status)}</div></div>`;
}
