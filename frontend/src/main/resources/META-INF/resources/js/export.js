import { escape } from './text.js';

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
    return { crs, note: crs === 'EPSG:4490' ? 'CGCS2000 经纬度（EPSG:4490）' : 'WGS 84 经纬度（EPSG:4326）' };
  }
  if (centreLon === null) {
    return { crs: 'EPSG:4490', note: 'CGCS2000 经纬度（EPSG:4490）：全省横跨 3 度带第 37、38 两带，不宜用一个投影带' };
  }
  const zone = gaussKrugerZone(centreLon);
  return { crs: `EPSG:${zone.epsg}`,
    note: `CGCS2000 3度带高斯-克吕格投影 EPSG:${zone.epsg}（中央经线 ${zone.cm}°E，不带带号；按范围中心经度 ${centreLon.toFixed(2)}°E 选取）` };
}

function dialog() {
  const panel = document.createElement('section');
  panel.id = 'export';
  panel.className = 'dialog';
  panel.hidden = true;
  panel.setAttribute('aria-label', '导出数据');
  panel.innerHTML = `<header><h2>导出数据</h2><button class="close" type="button" aria-label="关闭">×</button></header>
    <form>
      <label>图层 <select name="layer"></select></label>
      <label>用途 <select name="preset">${PRESETS.map((p) => `<option value="${p.id}">${escape(p.title)}</option>`).join('')}</select></label>
      <fieldset class="scope"><legend>范围</legend>
        <label><input type="radio" name="scope" value="province" checked> 全省</label>
        <label><input type="radio" name="scope" value="view"> 当前地图视图</label>
        <label><input type="radio" name="scope" value="city"> 地级市 <select name="city"></select></label>
      </fieldset>
      <p class="hint export-note" role="status"></p>
      <a class="download" href="#" download>下载</a>
    </form>`;
  return panel;
}

/**
 * @param catalog the layer catalog (/api/layers)
 * @param cities  [{adcode, name, bounds}] for the city scope; bounds a Leaflet LatLngBounds
 */
export function attachExport(map, catalog, cities) {
  const panel = dialog();
  document.querySelector('main').append(panel);
  const form = panel.querySelector('form');
  const link = panel.querySelector('a.download');
  const note = panel.querySelector('.export-note');
  form.elements.layer.innerHTML = catalog.map((l) => `<option value="${escape(l.id)}">${escape(l.title)}</option>`).join('');
  form.elements.city.innerHTML = cities.map((c) => `<option value="${c.adcode}">${escape(c.name)}</option>`).join('');
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
      ? '；属性表编码 GBK，字段名超过 10 字节时缩写，对照见压缩包内“字段对照.csv”' : '';
    note.textContent = `坐标系：${crsNote}${extra}`;
  }

  form.addEventListener('change', update);
  map.on('moveend', update);
  panel.querySelector('.close').addEventListener('click', () => { panel.hidden = true; });
  const control = L.control({ position: 'topleft' });
  control.onAdd = () => {
    const button = L.DomUtil.create('button', 'export-button');
    button.type = 'button';
    button.textContent = '导出';
    button.title = '导出图层数据（Shapefile、GeoPackage、KML、CSV、GeoJSON）';
    L.DomEvent.disableClickPropagation(button);
    button.addEventListener('click', () => { update(); panel.hidden = !panel.hidden; });
    return button;
  };
  control.addTo(map);
  update();
}
