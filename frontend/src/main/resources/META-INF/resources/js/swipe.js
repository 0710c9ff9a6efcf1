import { t } from './i18n.js';

// 卷帘 (swipe compare): two layers over one map, the first shown left of a divider and the second right of it;
// the planner drags the divider or moves it with the arrow keys. leaflet-side-by-side could not be used (its
// npm package is CommonJS source for browserify and a dependency is not on the registry), so each side is a
// Leaflet pane of its own, clipped with CSS clip-path to its part of the map and clipped again as the map moves.
const STEP = 0.05;
const PANES = { left: 'swipe-left', right: 'swipe-right' };
// Above the control lines and below the boundaries, whose outlines then frame both sides alike.
const Z_INDEX = 417;

const rectangle = (x1, y1, x2, y2) => `polygon(${x1}px ${y1}px, ${x2}px ${y1}px, ${x2}px ${y2}px, ${x1}px ${y2}px)`;

function pane(map, name) {
  const element = map.getPane(name) || map.createPane(name);
  element.style.zIndex = Z_INDEX;
  return element;
}

/**
 * Starts a swipe: `left` and `right` make a Leaflet layer for a pane name, `leftLabel`/`rightLabel` say what
 * each side shows. Returns stop() (removes both layers and the divider) and moveTo(fraction of the map's width).
 */
export function startSwipe(map, { left, right, leftLabel, rightLabel, position = 0.5 }) {
  const panes = { left: pane(map, PANES.left), right: pane(map, PANES.right) };
  const layers = [left(PANES.left), right(PANES.right)];
  layers.forEach((layer) => layer.addTo(map));
  const container = map.getContainer();
  const divider = L.DomUtil.create('div', 'swipe', container);
  divider.tabIndex = 0;
  divider.setAttribute('role', 'slider');
  divider.setAttribute('aria-orientation', 'horizontal');
  divider.setAttribute('aria-valuemin', '0');
  divider.setAttribute('aria-valuemax', '100');
  divider.setAttribute('aria-label', t('卷帘分隔线：左侧 {left}，右侧 {right}', { left: leftLabel, right: rightLabel }));
  divider.innerHTML = `<span class="swipe-handle" aria-hidden="true">⇔</span>
    <span class="swipe-label left" aria-hidden="true"></span><span class="swipe-label right" aria-hidden="true"></span>`;
  divider.querySelector('.swipe-label.left').textContent = leftLabel;
  divider.querySelector('.swipe-label.right').textContent = rightLabel;
  // The divider's own drags and clicks are not the map's.
  L.DomEvent.disableClickPropagation(divider);
  L.DomEvent.disableScrollPropagation(divider);
  let fraction = position;

  function clip() {
    const size = map.getSize();
    const x = Math.round(size.x * fraction);
    // Panes move with the map; their own coordinates are layer points, so the screen's edges are converted.
    const nw = map.containerPointToLayerPoint([0, 0]);
    const se = map.containerPointToLayerPoint(size);
    panes.left.style.clipPath = rectangle(nw.x, nw.y, nw.x + x, se.y);
    panes.right.style.clipPath = rectangle(nw.x + x, nw.y, se.x, se.y);
    divider.style.left = `${x}px`;
    const percent = Math.round(fraction * 100);
    divider.setAttribute('aria-valuenow', String(percent));
    divider.setAttribute('aria-valuetext', t('左侧占 {percent}%', { percent }));
  }

  function moveTo(value) {
    fraction = Math.min(1, Math.max(0, value));
    clip();
  }

  const keys = { ArrowLeft: -STEP, ArrowDown: -STEP, ArrowRight: STEP, ArrowUp: STEP };
  divider.addEventListener('keydown', (event) => {
    if (event.key in keys) moveTo(fraction + keys[event.key]);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(1);
    else return;
    event.preventDefault();
  });
  const follow = (event) => {
    const box = container.getBoundingClientRect();
    moveTo((event.clientX - box.left) / box.width);
  };
  divider.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    event.stopPropagation();
    divider.setPointerCapture(event.pointerId);
    divider.addEventListener('pointermove', follow);
  });
  divider.addEventListener('pointerup', (event) => {
    divider.releasePointerCapture(event.pointerId);
    divider.removeEventListener('pointermove', follow);
  });
  map.on('move zoom zoomend resize viewreset', clip);
  clip();

  return {
    moveTo,
    stop() {
      map.off('move zoom zoomend resize viewreset', clip);
      layers.forEach((layer) => map.removeLayer(layer));
      Object.values(panes).forEach((p) => { p.style.clipPath = ''; });
      divider.remove();
    },
  };
}
