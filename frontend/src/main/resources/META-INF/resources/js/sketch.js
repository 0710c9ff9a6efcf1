import { lang } from './i18n.js';

const DOUBLE_CLICK_MS = 500;

// Drawing on the map with Leaflet-Geoman (from /vendor/), for the tools that need a shape from the planner:
// the site of a 合规性审查 and the line or area of a 测量. One sketch at a time; `onChange` hears the points so
// far (with the pointer's position while drawing, so a measure follows the mouse), `onDone` the finished layer.
// Geoman's own toolbar is not used: each tool has its own buttons, labelled in the viewer's language.
export function sketch(map, shape, { onChange = () => {}, onDone = () => {} } = {}) {
  map.pm.setLang(lang === 'en' ? 'en' : 'zh');
  let working = null;
  const points = (extra) => {
    const latlngs = working ? working.getLatLngs().flat(2) : [];
    return extra ? [...latlngs, extra] : latlngs;
  };
  const vertex = () => onChange(points());
  const move = (event) => { if (working && working.getLatLngs().length) onChange(points(event.latlng)); };
  const started = (event) => {
    working = event.workingLayer;
    working.on('pm:vertexadded', vertex);
  };
  const created = (event) => {
    stop();
    onDone(event.layer);
  };
  function stop() {
    map.off('pm:drawstart', started);
    map.off('pm:create', created);
    map.off('mousemove', move);
    if (working) working.off('pm:vertexadded', vertex);
    working = null;
    // The second click of the double click that ended a line comes after it: it must neither zoom the map nor
    // choose the county under it (on a phone its card would cover the map).
    setTimeout(() => {
      if (drawing(map)) return;
      map.getContainer().classList.remove('sketching');
      if (zoomsOnDoubleClick) map.doubleClickZoom.enable();
    }, DOUBLE_CLICK_MS);
    if (map.pm.globalDrawModeEnabled()) map.pm.disableDraw();
  }
  map.on('pm:drawstart', started);
  map.on('pm:create', created);
  map.on('mousemove', move);
  // The places under the pointer would take the clicks (a county selects itself and stops the event): while
  // drawing they let them through to the map, where Geoman places the vertices (app.css).
  map.getContainer().classList.add('sketching');
  // A double click ends a line: its first click lands on the last point, which finishes it.
  const zoomsOnDoubleClick = map.doubleClickZoom.enabled();
  map.doubleClickZoom.disable();
  map.pm.enableDraw(shape, { snappable: false, continueDrawing: false, templineStyle: { color: '#1d4ed8' }, hintlineStyle: { color: '#1d4ed8', dashArray: [5, 5] },
    pathOptions: { color: '#1d4ed8', weight: 3, fillOpacity: 0.1 } });
  return stop;
}

/** Whether the planner is drawing: the map's own clicks (identify, clearing the selection) then wait. */
export const drawing = (map) => Boolean(map.pm && map.pm.globalDrawModeEnabled());
