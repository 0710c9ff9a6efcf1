import { countyStyle, townGroupStyle, regionStyle } from './layers.js';
import { layerStyle } from './styles.js';

// The four kinds of place a planner can select — county-level units, cities, town groups, regions — drawn
// as Leaflet layers, with their properties and outlines looked up by kind and id.
const STYLE = { county: countyStyle, group: townGroupStyle, region: regionStyle,
  city: (f, selected) => ({ ...layerStyle('cities'), ...(selected ? { weight: 4 } : {}) }) };
const PANE = { county: 'counties', city: 'cities', group: 'groups', region: 'regions' };
export const OVERLAY_OF = { county: 'counties', city: 'cities', group: 'town-groups', region: 'regions' };

function labels(collection, className) {
  return collection.features.filter((f) => f.properties.labelPoint).map((f) => {
    const [lon, lat] = f.properties.labelPoint;
    return L.tooltip({ permanent: true, direction: 'center', className: `place-label ${className}`, interactive: false })
      .setLatLng([lat, lon]).setContent(f.properties.name);
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
    regions: L.featureGroup([drawn.regions, ...labels(regions, 'region-label')]),
    'town-groups': L.featureGroup([drawn['town-groups'], ...labels(groups, 'group-label')]),
    cities: drawn.cities,
    province: drawn.province,
    labels: L.layerGroup([...labels(counties, 'county-label'), ...labels(cities, 'city-label')]),
  };

  const layer = (kind, id) => shapes[kind].get(id);
  return {
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
    },
  };
}
