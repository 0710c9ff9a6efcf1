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
    if (event.target.closest('.views button:not([aria-haspopup]), .views a')) set(false);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.body.classList.contains('menu-open')) {
      set(false);
      button.focus();
    }
  });
}

// 工具 (Tools): the viewer's tools (合规性审查, 打印 with the atlas, 测量, 历史版本 with its swipe, 导入) behind one
// button, so that the desktop header keeps room for the plan's full title. The WAI-ARIA menu button pattern:
// Enter, Space or ↓ opens on the first tool (↑ on the last), arrows, Home and End move, Escape or Tab closes
// with the focus back on 工具; choosing a tool or clicking elsewhere closes it too.
export function attachToolsMenu(button, menu) {
  const items = () => [...menu.querySelectorAll('[role=menuitem]')].filter((item) => item.getClientRects().length > 0);
  const open = (which) => {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const shown = items();
    shown[which === 'last' ? shown.length - 1 : 0]?.focus();
  };
  const close = (refocus) => {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };
  button.addEventListener('click', () => (menu.hidden ? open('first') : close(false)));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      open(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  });
  menu.addEventListener('keydown', (event) => {
    const shown = items();
    const at = shown.indexOf(document.activeElement);
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: shown.length - 1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      shown[(move + shown.length) % shown.length].focus();
    } else if (event.key === 'Escape') {
      event.stopPropagation(); // the phone's header menu stays open under it
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  });
  menu.addEventListener('click', (event) => { if (event.target.closest('[role=menuitem]')) close(false); });
  document.addEventListener('click', (event) => { if (!event.target.closest('.tools')) close(false); });
}
