import { addPanel } from './panels.js';
import { t, lang } from './i18n.js';
import { downloadWithProgress } from './export.js';
import { viewBox } from './export-image.js';

// 打印: the current view and its visible layers as a one-page vector PDF (/api/print.pdf) on A4 or A3, either
// orientation, under a title the planner may change (the chosen place's name, else the plan's). The province's
// atlas, one page per county-level unit, is offered here too; city and county cards offer their own.
// The PDFs speak the viewer's language (lang=en: English words, the plan's text and place names still Chinese).
// While a 卷帘 compares an older version of a line, both print that version (layers=id@N), its legend naming it.
export const MAX_TITLE = 60;
const atlasUrl = (versions) => `/api/atlas.pdf?${new URLSearchParams({ adcode: '14', ...(versions ? { layers: versions } : {}),
  ...(lang === 'en' ? { lang } : {}) })}`;
export const PROVINCE_ATLAS = atlasUrl(null);

function dialog() {
  return addPanel('print', 'dialog', t('打印'), t('打印地图（PDF）'), `<form>
      <label>${t('标题')} <input name="title" maxlength="${MAX_TITLE}" required></label>
      <label>${t('纸张')} <select name="paper"><option value="A4">A4</option><option value="A3">A3</option></select></label>
      <fieldset class="scope"><legend>${t('方向')}</legend>
        <label><input type="radio" name="orientation" value="landscape" checked> ${t('横向')}</label>
        <label><input type="radio" name="orientation" value="portrait"> ${t('纵向')}</label>
      </fieldset>
      <p class="hint">${t('范围和图层取当前地图视图；地图为矢量图形，含图例、比例尺和指北针。')}</p>
      <p class="hint compared-version" hidden></p>
      <a class="download print-pdf" href="#" download>${t('下载 PDF')}</a>
      <p class="hint"><a class="atlas" href="${PROVINCE_ATLAS}" download>${t('下载全省地图集（PDF，每个县级单元一页）')}</a></p>
      <p class="export-progress" role="status" aria-live="polite"></p>
    </form>`);
}

/**
 * @param visibleLayers () => the ids of the layers on the map now
 * @param defaultTitle  () => the title the view suggests
 * @param compared      () => the older version a 卷帘 shows, `{ layer: 'id@N', label }`, or null
 */
export function attachPrint(map, visibleLayers, defaultTitle, compared = () => null) {
  const panel = dialog();
  const form = panel.querySelector('form');
  const link = panel.querySelector('a.print-pdf');
  const atlas = panel.querySelector('a.atlas');
  const note = panel.querySelector('.compared-version');
  const progress = panel.querySelector('.export-progress');
  function update() {
    const version = compared();
    const layers = version ? [...visibleLayers(), version.layer] : visibleLayers();
    const params = new URLSearchParams({ bbox: viewBox(map), layers: layers.join(','), paper: form.elements.paper.value,
      orientation: form.elements.orientation.value, title: form.elements.title.value.trim(), lang });
    link.href = `/api/print.pdf?${params}`;
    atlas.href = atlasUrl(version && version.layer);
    note.hidden = !version;
    note.textContent = version ? t('卷帘对比中：打印 {version}', { version: version.label }) : '';
  }
  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  map.on('moveend', () => { if (!panel.hidden) update(); });
  // a 卷帘 begun or ended with the dialog open changes what is printed: the links are made anew at the click
  [link, atlas].forEach((a) => a.addEventListener('click', update));
  downloadWithProgress(link, progress);
  downloadWithProgress(atlas, progress);
  panel.querySelector('.close').addEventListener('click', () => { panel.hidden = true; });
  return {
    show() {
      form.elements.title.value = defaultTitle().slice(0, MAX_TITLE);
      update();
      panel.hidden = false;
      form.elements.title.focus();
    },
  };
}
