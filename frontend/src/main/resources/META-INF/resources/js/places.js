import { countyStyle, townGroupStyle, regionStyle } from './layers.js';
import { layerStyle } from './styles.js';
import { labelHtml } from './i18n.js';

// The four kinds of place a planner can select — county-level units, cities, town groups, regions — drawn
// as Leaflet layers, with their properties and outlines looked up by kind and id.
const STYLE = { county: countyStyle, group: townGroupStyle, region: regionStyle,
  city: (f, selected) => ({ ...layerStyle('cities'), ...(selected ? { weight: 4 } : {}) }) };
const PANE = { county: 'counties', city: 'cities', group: 'groups', region: 'regions' };
export const OVERLAY_OF = { county: 'counties', city: 'cities', group: 'town-groups', region: 'regions' };

// The selection is drawn again on a pane of its own above every line layer: a white halo under a bright
// line, unlike any boundary's thin dark grey, so the chosen place is unmistakable at any zoom.
const HALO = { pane: 'selection', interactive: false, fill: false, color: '#fff', weight: 8, opacity: 0.9 };
const SELECTED_LINE = { pane: 'selection', interactive: false, fill: false, color: '#e11d48', weight: 3.5, opacity: 1 };

// `byId` collects each label by its place's id, so the selected place's name can outrank the others.
function labels(collection, className, byId) {
  return collection.features.filter((f) => f.properties.labelPoint).map((f) => {
    const [lon, lat] = f.properties.labelPoint;
    const label = L.tooltip({ permanent: true, direction: 'center', className: `place-label ${className}`, interactive: false })
      .setLatLng([lat, lon]).setContent(labelHtml(f.properties.name));
    byId.set(f.properties.adcode || f.properties.id, label);
    return label;
  });
}

// `collections` are the small layers' GeoJSON by layer id; a click on a place calls onPick(kind, id).
// Returns the overlays the layer panel switches (by layer id), the drawn GeoJSON layers the zoom bands
// update, and lookups.
export function createPlaces(collections, onPick) {
  const shapes = { county: new Map(), city: new Map(), group: new Map(), region: new Map() };

  const geoLayer = (collection, kind, options = {}) => L.geoJSON(collection, {
    pane: PANE[kind],
    style: (f) => STYLE[kind](f, false),
    onEachFeature: (feature, layer) => {
      const id = feature.properties.adcode || feature.properties.id;
      shapes[kind].set(id, layer);
      layer.on('click', (event) => { L.DomEvent.stopPropagation(event); onPick(kind, id); });
    },
    ...options,
  });

  const labelOf = new Map();
  const { neighbours, province, cities, counties, regions } = collections;
  const groups = collections['town-groups'];
  const drawn = {
    neighbours: L.geoJSON(neighbours, { style: layerStyle('neighbours'), interactive: false }),
    counties: geoLayer(counties, 'county'),
    regions: geoLayer(regions, 'region'),
    'town-groups': geoLayer(groups, 'group'),
    cities: geoLayer(cities, 'city', { interactive: false }),
    province: L.geoJSON(province, { pane: 'province', style: layerStyle('province'), interactive: false }),
  };
  const overlays = {
    counties: drawn.counties,
    // A structure layer carries its own name labels, so they go when it is switched off.
    regions: L.featureGroup([drawn.regions, ...labels(regions, 'region-label', labelOf)]),
    'town-groups': L.featureGroup([drawn['town-groups'], ...labels(groups, 'group-label', labelOf)]),
    cities: drawn.cities,
    province: drawn.province,
    labels: L.layerGroup([...labels(counties, 'county-label', labelOf), ...labels(cities, 'city-label', labelOf)]),
  };

  const layer = (kind, id) => shapes[kind].get(id);
  const selection = L.featureGroup();
  let selected = null;
  function drawSelection() {
    selection.clearLayers();
    const shape = selected && layer(selected.kind, selected.id);
    if (!shape) return;
    const rings = shape.getLatLngs();
    selection.addLayer(L.polygon(rings, HALO)).addLayer(L.polygon(rings, SELECTED_LINE));
  }
  return {
    selection,
    drawn,
    overlays,
    has: (kind, id) => Boolean(shapes[kind] && shapes[kind].has(id)),
    properties: (kind, id) => layer(kind, id).feature.properties,
    bounds: (kind, id) => layer(kind, id).getBounds(),
    kindOf: (id) => Object.keys(shapes).find((kind) => shapes[kind].has(id)),
    highlight(kind, id, on) {
      const shape = layer(kind, id);
      if (!shape) return;
      shape.setStyle(STYLE[kind](shape.feature, on));
      if (on && kind !== 'region') shape.bringToFront();
      const label = labelOf.get(id);
      if (label && label.getElement()) label.getElement().classList.toggle('selected-label', on);
      selected = on ? { kind, id } : null;
      drawSelection();
    },
    // The zoom bands swap outlines in place; the selection's copy follows.
    redrawSelection: () => drawSelection(),
  };
}
