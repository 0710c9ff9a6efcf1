import { t } from './i18n.js';

// The header's buttons: each opens its panel, or closes it when open. `buttons` maps a button's id to its
// panel's id and how the panel is shown (may return a promise, for panels that fetch what they show) and,
// for a panel that leaves something on the map, how it is hidden.
export function attachPanels(buttons, onError) {
  Object.entries(buttons).forEach(([buttonId, { panel, show, hide = (element) => { element.hidden = true; } }]) => {
    const element = document.getElementById(panel);
    document.getElementById(buttonId).addEventListener('click', () => {
      if (!element.hidden) {
        hide(element);
        return;
      }
      Promise.resolve(show(element)).catch(onError);
    });
  });
}

// × on a panel whose module does not close it itself.
export function closeButtons(...ids) {
  ids.forEach((id) => {
    const panel = document.getElementById(id);
    panel.querySelector('.close').addEventListener('click', () => { panel.hidden = true; });
  });
}

/** A new closed panel in <main>: a section labelled `label`, its heading and × (wired by its module), then `body`. */
export function addPanel(id, className, label, heading, body) {
  const panel = document.createElement('section');
  panel.id = id;
  panel.className = className;
  panel.hidden = true;
  panel.setAttribute('aria-label', label);
  panel.innerHTML = `<header><h2>${heading}</h2><button class="close" type="button" aria-label="${t('关闭')}">×</button></header>${body}`;
  document.querySelector('main').append(panel);
  return panel;
}

const visible = (element) => element && element.isConnected && element.getClientRects().length > 0;

/**
 * The keyboard's way through the panels and dialogs in <main> (the card among them) and the login form: a panel
 * opened from elsewhere takes the focus unless its module already placed it inside; Escape pressed inside one
 * closes it through its own × (or 取消), so each module tidies up as after a click (in a search box with text, Escape
 * first clears it, as the browser does); and a panel closing with the
 * focus inside gives it back to the control that opened it or, when that one has gone (a phone's 菜单 closes as a
 * view is chosen, 工具 as a tool is), to the first of `fallbacks` on screen, never to the page itself.
 */
export function followFocus(fallbacks) {
  const panels = [...document.querySelectorAll('main > section[id], main > aside[id]')];
  const openers = new Map();
  let outside = null;
  document.addEventListener('focusin', (event) => {
    if (!panels.some((p) => p.contains(event.target))) outside = event.target;
  });
  const giveBack = (panel) => {
    const target = [openers.get(panel), ...fallbacks.map((id) => document.getElementById(id))].find(visible);
    if (target) target.focus();
  };
  const watcher = new MutationObserver((records) => records.forEach(({ target: panel }) => {
    if (!panel.hidden) {
      openers.set(panel, outside);
      // After the module's own show (print, export, measure and review focus a field of theirs). The card is
      // left alone: a search hands it the focus, a click on the map does not take it from the map.
      if (panel.id !== 'card' && !panel.contains(document.activeElement)) {
        if (!panel.hasAttribute('tabindex')) panel.tabIndex = -1;
        panel.focus({ preventScroll: true });
      }
    } else if (document.activeElement === document.body || panel.contains(document.activeElement)) {
      giveBack(panel);
    }
  }));
  panels.forEach((panel) => watcher.observe(panel, { attributes: true, attributeFilter: ['hidden'] }));
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (event.target.matches?.('input[type=search]') && event.target.value) return; // Escape first clears a search box
    const closer = event.target.closest?.('.login-form')?.querySelector('.cancel')
      || panels.find((p) => !p.hidden && p.contains(event.target))?.querySelector('.close');
    if (!closer) return;
    event.preventDefault();
    const login = event.target.closest('.login-form');
    closer.click();
    if (login) [document.querySelector('#session .login'), ...fallbacks.map((id) => document.getElementById(id))].find(visible)?.focus();
  });
}
