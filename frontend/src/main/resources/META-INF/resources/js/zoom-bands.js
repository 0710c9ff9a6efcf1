import { layerFeatures } from './api.js';

// The generalised copies the server keeps of the small layers (/api/viewer-config zoomBands, the finest
// zoom of each): a map at zoom z draws the first band at or above z; past the last, the full geometry.
export const SMALL_LAYERS = ['neighbours', 'province', 'cities', 'counties', 'town-groups', 'regions'];

export const bandFor = (bands, zoom) => bands.find((b) => Math.ceil(zoom) <= b);

export const loadBand = (band) => Promise.all(SMALL_LAYERS.map((id) => layerFeatures(id, band)));

// On every zoom, swaps in the band for the new zoom, keeping every Leaflet layer (and so selection, styles and
// labels): only the outlines change. `drawn` maps each small layer's id to its L.GeoJSON; onSwapped is told after.
export function followZoomBands(map, drawn, bands, initialBand, onError, onSwapped = () => {}) {
  let band = initialBand;
  map.on('zoomend', () => {
    const wanted = bandFor(bands, map.getZoom());
    if (wanted === band) return;
    band = wanted;
    loadBand(wanted).then((collections) => {
      if (band !== wanted) return; // zoomed on meanwhile
      SMALL_LAYERS.forEach((id, i) => {
        const byId = new Map(collections[i].features.map((f) => [f.id, f.geometry]));
        drawn[id].eachLayer((layer) => {
          const geometry = byId.get(layer.feature.id);
          if (!geometry || !layer.setLatLngs) return;
          layer.feature.geometry = geometry;
          layer.setLatLngs(L.GeoJSON.coordsToLatLngs(geometry.coordinates, geometry.type === 'MultiPolygon' ? 2 : 1));
        });
      });
      onSwapped();
    }).catch(onError);
  });
}
