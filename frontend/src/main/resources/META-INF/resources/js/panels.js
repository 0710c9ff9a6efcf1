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
