import { layerStyle, styleOf } from './styles.js';
import { t } from './i18n.js';

// The map's layers, grouped as planners think of them; `controlLines` ({id, title}) are the 三条控制线 the
// store holds, a group of their own when there are any. A new list each time: nobody edits a shared one.
export function layerGroups(controlLines) {
  return [
    { title: t('行政区划'), layers: [
      { id: 'counties', title: t('县级行政区（规模等级）'), on: true },
      { id: 'cities', title: t('地级市界'), on: true },
      { id: 'province', title: t('省界'), on: true },
      { id: 'labels', title: t('地名注记'), on: true },
    ] },
    { title: t('规划结构'), layers: [
      { id: 'town-groups', title: t('区域性城镇群'), on: true },
      { id: 'regions', title: t('一群两区三圈'), on: false },
    ] },
    ...(controlLines.length ? [{ title: t('三条控制线'), layers: controlLines.map((l) => ({ ...l, on: false })) }] : []),
  ];
}

export const REGION_COLOURS = styleOf('regions').strokeBy.values;

export function countyStyle(feature, selected) {
  return { ...layerStyle('counties', feature.properties), ...(selected ? { color: '#102a43', weight: 3 } : {}) };
}

// Structure layers lie over the tier colours, so they are outlines: a fill would hide the tiers and take
// the clicks meant for the counties beneath. Only the selected one is filled, lightly.
export function townGroupStyle(feature, selected) {
  const base = layerStyle('town-groups', feature.properties);
  return { ...base, weight: selected ? base.weight + 2 : base.weight, fill: selected, fillColor: '#c026d3', fillOpacity: 0.2 };
}

export function regionStyle(feature, selected) {
  const base = layerStyle('regions', feature.properties);
  return { ...base, weight: selected ? base.weight + 2 : base.weight, fill: selected, fillOpacity: 0.15 };
}

// Fixed stacking, whatever order layers are switched on in.
export const PANES = { counties: 410, controllines: 415, cities: 420, regions: 430, groups: 440, province: 450, selection: 460 };

// Tile basemaps the server offers (none unless configured); drawn under everything.
export function basemapLayers(basemaps) {
  const layers = {};
  basemaps.forEach((b) => {
    const options = { maxZoom: b.maxZoom, attribution: b.attribution, subdomains: b.subdomains.length ? b.subdomains : 'abc', pane: 'tilePane' };
    layers[b.id] = b.overlay ? L.layerGroup([L.tileLayer(b.url, options), L.tileLayer(b.overlay, options)]) : L.tileLayer(b.url, options);
  });
  return layers;
}

function checkbox(map, overlays, l) {
  const label = `<label><input type="checkbox" data-layer="${l.id}" ${map.hasLayer(overlays[l.id]) ? 'checked' : ''}> ${l.title}</label>`;
  return l.history ? `<div class="layer-row">${label}<button type="button" class="history-button" data-history="${l.id}"
    aria-label="${t('历史版本：{title}', { title: l.title })}">${t('历史')}</button></div>` : label;
}

// A small control listing the groups with a checkbox per layer and a choice of basemap; any change calls
// back so the permalink follows. It folds away (图层) and starts folded on a phone or tablet, where it would
// otherwise cover half the map. A layer with a history (the control lines) has a 历史 button: onHistory(id).
export function layerPanel(map, groups, overlays, basemaps, onChange, onHistory) {
  const control = L.control({ position: 'topleft' });
  control.onAdd = () => {
    const div = L.DomUtil.create('details', 'layer-panel');
    div.open = window.innerWidth > 1024;
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    const basemapChoice = basemaps.length ? `<fieldset><legend>${t('底图')}</legend>
      <label><input type="radio" name="basemap" value="" checked> ${t('无（离线）')}</label>
      ${basemaps.map((b) => `<label><input type="radio" name="basemap" value="${b.id}"> ${b.title}</label>`).join('')}</fieldset>` : '';
    div.innerHTML = `<summary>${t('图层')}</summary>${groups.map((g) => `<fieldset><legend>${g.title}</legend>${g.layers.map((l) =>
      checkbox(map, overlays, l)).join('')}</fieldset>`).join('')}
      ${basemapChoice}`;
    div.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-history]');
      if (!button) return;
      // On a phone or tablet the history's sheet and the unfolded panel would leave no map between them.
      if (window.innerWidth <= 1024) div.open = false;
      onHistory(button.dataset.history);
    });
    const tiles = basemapLayers(basemaps);
    div.addEventListener('change', (event) => {
      if (event.target.name === 'basemap') {
        Object.values(tiles).forEach((tile) => map.removeLayer(tile));
        if (event.target.value) map.addLayer(tiles[event.target.value]);
        return;
      }
      const layer = overlays[event.target.dataset.layer];
      if (event.target.checked) map.addLayer(layer); else map.removeLayer(layer);
      onChange();
    });
    return div;
  };
  control.addTo(map);
  return control;
}
