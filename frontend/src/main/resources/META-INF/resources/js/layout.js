// How the panels share the screen with the map. On a phone and a tablet they are sheets along the map's foot,
// on a desktop the reader stands at the left, the wide tables along the foot and the card at the right; either
// way a chosen place must come to rest in the part of the map they leave free, so fitBounds gets the panels'
// rectangles as padding. A panel counts as covering the map from the edge that loses the smallest share of
// the map to it (a sheet as wide as the map would take all of it from the side).
const MARGIN = 24;

export function uncoveredPadding(mapElement, panels) {
  const m = mapElement.getBoundingClientRect();
  const pad = { top: 0, left: 0, right: 0, bottom: 0 };
  panels.filter((p) => !p.hidden).forEach((p) => {
    const r = p.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    const lost = { left: r.right - m.left, right: m.right - r.left, bottom: m.bottom - r.top };
    const share = { left: lost.left / m.width, right: lost.right / m.width, bottom: lost.bottom / m.height };
    const edge = Object.keys(lost).reduce((a, b) => (share[b] < share[a] ? b : a));
    pad[edge] = Math.max(pad[edge], lost[edge]);
  });
  // A place never gets less than a third of the map, however much the panels take.
  const fit = (a, b, size) => (a + b > size * 2 / 3 ? [a * (size * 2 / 3) / (a + b), b * (size * 2 / 3) / (a + b)] : [a, b]);
  const [left, right] = fit(pad.left, pad.right, m.width);
  const [top, bottom] = fit(pad.top, pad.bottom, m.height);
  return { paddingTopLeft: [left + MARGIN, top + MARGIN], paddingBottomRight: [right + MARGIN, bottom + MARGIN] };
}

// The phone's header menu: 菜单 opens the views, exports and login under the header; choosing one closes it,
// as does Escape (focus back on 菜单).
export function attachMenu(button, menu) {
  const set = (open) => {
    button.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('menu-open', open);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  menu.addEventListener('click', (event) => {
    if (event.target.closest('.views button, .views a')) set(false);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.body.classList.contains('menu-open')) {
      set(false);
      button.focus();
    }
  });
}
