import { addPanel } from './panels.js';
import { t, locale } from './i18n.js';
import { sketch } from './sketch.js';

// 测量: a distance along a polyline or the area of a polygon, on the ellipsoid (GeographicLib's geodesics, the
// library from /vendor/ exposing `geodesic`), live while drawing and gone when the tool closes. WGS 84's
// ellipsoid is used: CGCS2000's differs in flattening by 1.5e-11, far below a millimetre over a province.
const ELLIPSOID = () => geodesic.Geodesic.WGS84;
const MU_PER_HECTARE = 15;

/** The geodesic length in metres of a path of Leaflet LatLngs. */
export function lengthOf(points) {
  let metres = 0;
  for (let i = 1; i < points.length; i++) {
    metres += ELLIPSOID().Inverse(points[i - 1].lat, points[i - 1].lng, points[i].lat, points[i].lng).s12;
  }
  return metres;
}

/** The geodesic area in square metres inside a ring of Leaflet LatLngs (either winding). */
export function areaOf(points) {
  if (points.length < 3) return 0;
  const polygon = ELLIPSOID().Polygon(false);
  points.forEach((p) => polygon.AddPoint(p.lat, p.lng));
  return Math.abs(polygon.Compute(false, true).area);
}

const number = (value, digits) => value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const lengthText = (metres) => (metres < 1000 ? `${number(metres, 0)} ${t('米')}` : `${number(metres / 1000, 2)} ${t('千米')}`);

export function areaText(squareMetres) {
  const hectares = squareMetres / 10000;
  const text = t('{ha} 公顷（{mu} 亩）', { ha: number(hectares, 2), mu: number(hectares * MU_PER_HECTARE, 1) });
  return hectares >= 100 ? `${text}${t('，{km2} 平方千米', { km2: number(hectares / 100, 2) })}` : text;
}

function panel() {
  return addPanel('measure', 'tool-panel', t('测量'), t('测量'), `<div class="tool-buttons" role="group" aria-label="${t('测量方式')}">
      <button type="button" data-shape="Line" aria-pressed="false">${t('测距离')}</button>
      <button type="button" data-shape="Polygon" aria-pressed="false">${t('测面积')}</button>
    </div>
    <p class="measure-result" role="status" aria-live="polite"></p>
    <p class="hint">${t('在地图上单击添加节点；距离双击结束，面积单击第一个节点闭合。按椭球计算（WGS 84，与 CGCS2000 相差可忽略）。')}</p>`);
}

export function attachMeasure(map) {
  const element = panel();
  const result = element.querySelector('.measure-result');
  const buttons = [...element.querySelectorAll('[data-shape]')];
  let stop = () => {};
  let drawn = null;

  const show = (shape, points) => {
    result.textContent = shape === 'Line' ? `${t('距离')}${t('：')}${lengthText(lengthOf(points))}`
      : `${t('面积')}${t('：')}${areaText(areaOf(points))}${t('，周长 {length}', { length: lengthText(lengthOf([...points, points[0]])) })}`;
  };
  function clear() {
    stop();
    if (drawn) drawn.remove();
    drawn = null;
    result.textContent = '';
    buttons.forEach((b) => b.setAttribute('aria-pressed', 'false'));
  }
  function start(shape) {
    clear();
    element.querySelector(`[data-shape=${shape}]`).setAttribute('aria-pressed', 'true');
    stop = sketch(map, shape, {
      onChange: (points) => { if (points.length > 1) show(shape, points); },
      onDone: (layer) => {
        drawn = layer;
        show(shape, layer.getLatLngs().flat(2));
        buttons.forEach((b) => b.setAttribute('aria-pressed', 'false'));
      },
    });
  }
  buttons.forEach((b) => b.addEventListener('click', () => start(b.dataset.shape)));
  const close = () => {
    clear();
    element.hidden = true;
  };
  element.querySelector('.close').addEventListener('click', close);
  return {
    show() {
      element.hidden = false;
      buttons[0].focus();
    },
    close,
  };
}
