// Place names that would overlap give way by rank: the selected place's name first, then cities, counties,
// and last the town groups and regions, whose names are long and whose outlines carry them anyway.
const RANK = ['selected-label', 'city-label', 'county-label', 'group-label', 'region-label'];
const rankOf = (element) => {
  const i = RANK.findIndex((c) => element.classList.contains(c));
  return i < 0 ? RANK.length : i;
};
const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export function declutterLabels(container) {
  const labels = [...container.querySelectorAll('.leaflet-tooltip.place-label')];
  labels.forEach((l) => l.classList.remove('collides'));
  const placed = [];
  labels.filter((l) => l.offsetParent !== null)
    .map((l) => ({ l, rank: rankOf(l), r: l.getBoundingClientRect() }))
    .sort((a, b) => a.rank - b.rank)
    .forEach(({ l, r }) => {
      if (placed.some((p) => overlaps(p, r))) l.classList.add('collides');
      else placed.push(r);
    });
}

// After every move, zoom and layer switch: the labels' screen positions have changed.
export function followLabelCollisions(map) {
  let pending = false;
  const run = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; declutterLabels(map.getContainer()); });
  };
  map.on('zoomend moveend layeradd layerremove', run);
  run();
  return run;
}
