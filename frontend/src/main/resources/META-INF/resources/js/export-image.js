import { downloadWithProgress } from './export.js';
import { lang } from './i18n.js';

// 导出图片: the current view as a PNG map the server draws with the same styles — the visible layers,
// a legend, a scale bar and the names in the viewer's language — at the map's size on screen. Kept current as the view moves;
// fetched with progress shown in `status`, since a large view takes the server a moment to draw.
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/** The map's view as the server's bbox parameter (minLon,minLat,maxLon,maxLat), within Web Mercator's range. */
export function viewBox(map) {
  const b = map.getBounds();
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -85, 85), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -85, 85)]
    .map((v) => v.toFixed(5)).join(',');
}

export function attachExportImage(link, map, visibleLayers, status) {
  const update = () => {
    const size = map.getSize();
    link.href = `/api/map.png?bbox=${viewBox(map)}&width=${clamp(size.x, 64, 4096)}&height=${clamp(size.y, 64, 4096)}&layers=${visibleLayers().join(',')}${lang === 'en' ? '&lang=en' : ''}`;
  };
  downloadWithProgress(link, status);
  update();
  return update;
}
