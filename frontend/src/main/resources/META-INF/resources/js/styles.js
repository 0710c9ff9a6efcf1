// The map's styles, one file shared with the server's map images and tiles (org.planmap.render.MapStyles):
// fetched once, before any module that draws is evaluated (top-level await), so the viewer and the
// exported PNG cannot drift apart.
const STYLES = await fetch('/styles/planmap-styles.json').then((r) => {
  if (!r.ok) throw new Error(`样式文件加载失败（${r.status}）`);
  return r.json();
});

export const BACKGROUND = STYLES.background;

// The English of the words maps carry (layer titles, legend, scale), shared with the server's English map images.
export const MAP_ENGLISH = STYLES.english;

// The raw entry of a layer: title, label settings, value tables.
export const styleOf = (id) => STYLES.layers[id];

const pick = (by, properties) => (by.values[(properties || {})[by.property]] ?? by.default);

// Leaflet path options for one feature of a layer.
export function layerStyle(id, properties) {
  const s = styleOf(id);
  const dash = s.dashBy && pick(s.dashBy, properties);
  return {
    color: s.strokeBy ? pick(s.strokeBy, properties) : s.stroke,
    weight: s.width,
    dashArray: dash ? dash.join(' ') : null,
    fill: Boolean(s.fill || s.fillBy),
    fillColor: s.fillBy ? pick(s.fillBy, properties) : s.fill,
    fillOpacity: s.fillOpacity ?? 0.2,
  };
}
