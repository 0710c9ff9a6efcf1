import { escape } from './text.js';

// The three control lines (三条控制线). Dense layers: drawn on a canvas, not as SVG elements, and filled
// with the colours planners' 国土空间规划 maps use for them.
export const CONTROL_LINES = [
  { id: 'ecological-protection-redline', title: '生态保护红线', style: { color: '#276749', weight: 0.8, fillColor: '#48bb78', fillOpacity: 0.45 } },
  { id: 'permanent-basic-farmland', title: '永久基本农田', style: { color: '#b7791f', weight: 0.5, fillColor: '#f6e05e', fillOpacity: 0.6 } },
  { id: 'urban-development-boundary', title: '城镇开发边界', style: { color: '#c53030', weight: 1.5, fillColor: '#fc8181', fillOpacity: 0.25 } },
];

// Derived from the three: where 永久基本农田 or 生态保护红线 lies inside the 城镇开发边界.
export const CONFLICTS = { id: 'control-line-conflicts', title: '控制线冲突', style: { color: '#6b21a8', weight: 1, fillColor: '#a21caf', fillOpacity: 0.8 } };

export function controlLineLayer(map, line, collection) {
  const renderer = L.canvas({ pane: 'controllines', padding: 0.2 });
  return L.geoJSON(collection, {
    renderer,
    pane: 'controllines',
    style: line.style,
    onEachFeature: (feature, layer) => {
      layer.bindPopup(() => popup(line, feature.properties));
      // The popup identifies the feature; the click must not also clear the selected county.
      layer.on('click', (event) => L.DomEvent.stopPropagation(event));
    },
  });
}

function popup(line, p) {
  return `<div class="cl-popup"><b>${escape(p.kindName || line.title)}</b>
    <div>${escape(p.cityName)} ${escape(p.countyName)}</div>
    <div>面积 ${Number(p.areaHa).toLocaleString('zh-CN')} 公顷（${(Number(p.areaHa) * 15).toLocaleString('zh-CN', { maximumFractionDigits: 0 })} 亩）</div>
    <div class="status">${escape(p.status)}</div></div>`;
}
