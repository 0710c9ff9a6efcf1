import { addPanel } from './panels.js';
import { escape } from './text.js';
import { failure } from './api.js';
import { t, placeText } from './i18n.js';

// The 导出 dialog: a layer, a preset for the planner's tool and a scope give one /export URL, offered as a link.
// Presets fix format, encoding and CRS; the CRS chosen is said in words, since ArcGIS users must know the zone.
export const PRESETS = [
  { id: 'arcgis', title: 'ArcGIS（Shapefile，GBK，CGCS2000）', format: 'shapefile', encoding: 'GBK', gaussKruger: true },
  { id: 'qgis', title: 'QGIS（GeoPackage）', format: 'gpkg', crs: 'EPSG:4490' },
  { id: 'kml', title: 'Google Earth / 奥维（KML）', format: 'kml' },
  { id: 'excel', title: 'Excel（CSV）', format: 'csv' },
  { id: 'web', title: 'Web（GeoJSON）', format: 'geojson' },
];

/** The CGCS2000 3-degree Gauss-Krüger zone (without zone prefix) whose central meridian is nearest {@code lon}. */
export function gaussKrugerZone(lon) {
  const cm = 3 * Math.round(lon / 3);
  return { cm, epsg: 4534 + (cm - 75) / 3 };
}

function crsOf(preset, centreLon) {
  if (!preset.gaussKruger) {
    const crs = preset.crs || 'EPSG:4326';
    return { crs, note: crs === 'EPSG:4490' ? t('CGCS2000 经纬度（EPSG:4490）') : t('WGS 84 经纬度（EPSG:4326）') };
  }
  if (centreLon === null) {
    return { crs: 'EPSG:4490', note: t('CGCS2000 经纬度（EPSG:4490）：全省横跨 3 度带第 37、38 两带，不宜用一个投影带') };
  }
  const zone = gaussKrugerZone(centreLon);
  return { crs: `EPSG:${zone.epsg}`, note: t('CGCS2000 3度带高斯-克吕格投影 EPSG:{epsg}（中央经线 {cm}°E，不带带号；按范围中心经度 {lon}°E 选取）',
    { epsg: zone.epsg, cm: zone.cm, lon: centreLon.toFixed(2) }) };
}

// The layer a planner is looking at comes first and is chosen: the tiers (县级行政区) at start, else a
// control line or structure switched on, the boundaries last.
const PREFERENCE = ['counties', 'urban-development-boundary', 'permanent-basic-farmland', 'ecological-protection-redline',
  'control-line-conflicts', 'town-groups', 'regions', 'cities', 'province'];
const rank = (id) => (PREFERENCE.includes(id) ? PREFERENCE.indexOf(id) : PREFERENCE.length);

function dialog() {
  return addPanel('export', 'dialog', t('导出数据'), t('导出数据'), `<form>
      <label>${t('图层')} <select name="layer"></select></label>
      <label>${t('用途')} <select name="preset">${PRESETS.map((p) => `<option value="${p.id}">${escape(t(p.title))}</option>`).join('')}</select></label>
      <fieldset class="scope"><legend>${t('范围')}</legend>
        <label><input type="radio" name="scope" value="province" checked> ${t('全省')}</label>
        <label><input type="radio" name="scope" value="view"> ${t('当前地图视图')}</label>
        <label><input type="radio" name="scope" value="city"> ${t('地级市')} <select name="city" aria-label="${t('地级市')}"></select></label>
      </fieldset>
      <p class="hint export-note" role="status"></p>
      <a class="download" href="#" download>${t('下载')}</a>
      <p class="export-progress" role="status" aria-live="polite"></p>
    </form>`);
}

/**
 * @param catalog       the layer catalog (/api/layers)
 * @param cities        [{adcode, name, bounds}] for the city scope; bounds a Leaflet LatLngBounds
 * @param visibleLayers the ids of the layers on the map now, for the default choice
 */
export function attachExport(map, catalog, cities, visibleLayers) {
  const panel = dialog();
  const form = panel.querySelector('form');
  const link = panel.querySelector('a.download');
  const note = panel.querySelector('.export-note');
  const layers = [...catalog].sort((a, b) => rank(a.id) - rank(b.id));
  form.elements.layer.innerHTML = layers.map((l) => `<option value="${escape(l.id)}">${escape(l.title)}</option>`).join('');
  form.elements.city.innerHTML = cities.map((c) => `<option value="${c.adcode}">${placeText(c.name)}</option>`).join('');
  const hasAdcode = (id) => catalog.find((l) => l.id === id).fields.some((f) => f.name === 'adcode');

  function update() {
    const layer = form.elements.layer.value;
    const preset = PRESETS.find((p) => p.id === form.elements.preset.value);
    const cityScope = form.querySelector('input[value=city]');
    cityScope.disabled = !hasAdcode(layer);
    if (cityScope.disabled && cityScope.checked) form.querySelector('input[value=province]').checked = true;
    const scope = form.querySelector('input[name=scope]:checked').value;
    const params = new URLSearchParams({ format: preset.format });
    if (preset.encoding) params.set('encoding', preset.encoding);
    let centre = null;
    if (scope === 'view') {
      const b = map.getBounds();
      const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v)).toFixed(4);
      params.set('bbox', [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(','));
      centre = b.getCenter().lng;
    } else if (scope === 'city') {
      const city = cities.find((c) => c.adcode === form.elements.city.value);
      params.set('adcode', city.adcode.slice(0, 4));   // a prefecture's units share its first 4 digits
      centre = city.bounds.getCenter().lng;
    }
    const { crs, note: crsNote } = crsOf(preset, centre);
    if (crs !== 'EPSG:4326') params.set('crs', crs);
    link.href = `/api/layers/${encodeURIComponent(layer)}/export?${params}`;
    const extra = preset.format === 'shapefile'
      ? t('；属性表编码 GBK，字段名超过 10 字节时缩写，对照见压缩包内“字段对照.csv”') : '';
    note.textContent = `${t('坐标系：')}${crsNote}${extra}`;
  }

  form.addEventListener('change', update);
  map.on('moveend', update);
  panel.querySelector('.close').addEventListener('click', () => { panel.hidden = true; });
  downloadWithProgress(link, panel.querySelector('.export-progress'));
  return {
    show() {
      const shown = visibleLayers();
      const inView = layers.find((l) => shown.includes(l.id));
      if (inView) form.elements.layer.value = inView.id;
      update();
      panel.hidden = false;
      form.elements.layer.focus();
    },
  };
}

/**
 * A link to a file the server prepares (an export, a map image, an atlas) fetched here rather than by the
 * browser, so that the planner sees it is being prepared, how far it has come, and any error in words.
 */
export function downloadWithProgress(link, status) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    download(link, status);
  });
}

/** Fetches and saves what `link` points to, with progress in `status`; a second click while busy is ignored. */
export async function download(link, status) {
  if (link.dataset.busy) return;
  link.dataset.busy = 'true';
  link.setAttribute('aria-busy', 'true');
  status.textContent = t('正在准备文件…');
  try {
    const response = await fetch(link.href);
    if (!response.ok) throw await failure(response);
    await saveResponse(response, status, link.getAttribute('download') || '');
  } catch (error) {
    status.textContent = error.message;
  } finally {
    delete link.dataset.busy;
    link.removeAttribute('aria-busy');
  }
}

/**
 * Reads a successful answer with progress in `status` and hands it to the browser as a download, named as the
 * server's Content-Disposition says (else `fallbackName`).
 */
export async function saveResponse(response, status, fallbackName) {
  const total = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks.push(r.value);
    received += r.value.length;
    status.textContent = total ? t('正在下载… {percent}%', { percent: Math.round((received / total) * 100) })
      : t('正在下载… {size} KB', { size: Math.round(received / 1024) });
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const save = document.createElement('a');
  save.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') || '' }));
  save.download = named ? decodeURIComponent(named[1]) : fallbackName;
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(save.href), 60000);
  status.textContent = t('已下载');
  setTimeout(() => { if (status.textContent === t('已下载')) status.textContent = ''; }, 4000);
}
