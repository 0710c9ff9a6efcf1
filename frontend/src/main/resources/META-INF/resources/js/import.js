import { escape } from './text.js';
import { CONTROL_LINES } from './controllines.js';
import { lang, t } from './i18n.js';

const POLL_MS = 500;

// The editors' import dialog: choose the line, the file and (for a file without .prj) its CRS; the upload
// starts a job whose progress is polled and shown; the outcome is said in Chinese, with what was repaired.
export function attachImport(panel, send, onImported) {
  const form = panel.querySelector('form');
  const bar = panel.querySelector('progress');
  const message = panel.querySelector('.import-message');
  form.querySelector('select[name=layer]').innerHTML = CONTROL_LINES
    .map((l) => `<option value="${l.id}">${t(l.title)}</option>`).join('');

  const say = (text, kind = '') => { message.className = `import-message ${kind}`; message.innerHTML = text; };

  async function poll(url) {
    for (;;) {
      const status = await fetch(url).then((r) => r.json());
      bar.value = status.progress;
      if (status.state === 'DONE' || status.state === 'FAILED') return status;
      say(`${escape(t(status.stage))}…`);
      await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
    }
  }

  let maxUploadBytes = Infinity;
  const megabytes = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const file = data.get('file');
    // Refused here rather than after sending: the server's 413 can arrive as a reset connection once a
    // browser has pushed far past the limit, which says nothing to the planner.
    if (file && file.size > maxUploadBytes) {
      say(t('文件 {name} 有 {size}，超过上传上限 {limit}；请拆分后分批导入，或请管理员调高 planmap.import.max-upload-size。',
        { name: escape(file.name), size: megabytes(file.size), limit: megabytes(maxUploadBytes) }), 'error');
      return;
    }
    const layer = data.get('layer');
    data.delete('layer');
    if (!data.get('crs')) data.delete('crs');
    bar.hidden = false;
    bar.value = 0;
    say(t('正在上传…'));
    try {
      const response = await send(`/api/layers/${layer}/import?wait=0`, { method: 'POST', body: data });
      const body = await response.json();
      const status = response.status === 202 ? await poll(response.headers.get('Location')) : body;
      if (status.state === 'DONE') {
        const r = status.report;
        say(t('导入完成：{features} 个要素（{format}，{crs} → EPSG:4326），修复 {repaired} 个无效几何，舍弃 {dropped} 个空几何。',
          { features: r.features, format: escape(r.format), crs: escape(r.sourceCrs), repaired: r.repaired, dropped: r.droppedEmpty }), 'ok');
        onImported(layer);
      } else {
        const error = status.error || { messageZh: body.message ? body.message.zh : t('导入失败（{status}）', { status: response.status }),
          messageEn: body.message ? body.message.en : null };
        say(t('导入失败，数据未改变：{reason}', { reason: escape((lang === 'en' && error.messageEn) || error.messageZh) }), 'error');
      }
    } catch (error) {
      say(t('导入失败：{reason}', { reason: escape(error.message) }), 'error');
    }
  });
  panel.querySelector('.close').addEventListener('click', () => { panel.hidden = true; });
  return {
    show: () => { panel.hidden = false; },
    /** The server's planmap.import.max-upload-size, from /api/viewer-config. */
    limitUploads: (bytes) => { if (bytes > 0) maxUploadBytes = bytes; },
  };
}
