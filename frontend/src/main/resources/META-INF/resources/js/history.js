import { escape } from './text.js';
import { getJson } from './api.js';
import { CONTROL_LINES } from './controllines.js';
import { lang, t, placeHtml, locale } from './i18n.js';

const ACTIONS = { import: '导入', delete: '删除', restore: '恢复', demo: '示意数据' };
const MU_PER_HA = 15;
// Fixed decimals, as in the ledger: 公顷 two, 亩 whole, so the diff's columns line up (-271,013.1 stood under -223,532.85).
const fmt = (v, digits = 2) => Number(v).toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const signed = (v, digits = 2) => `${v > 0 ? '+' : ''}${fmt(v, digits)}`;
const when = (iso) => new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
const versionsUrl = (id) => `/api/layers/${encodeURIComponent(id)}/versions`;

/** A version as the swipe and the diff name it: "版本 3（2026/12/4 23:50）". */
export const versionName = (v) => t('版本 {version}（{time}）', { version: v.version, time: when(v.created) });

function versionTable(versions) {
  const row = (v) => `<tr class="${v.current ? 'current' : ''}">
      <th scope="row">${v.version}${v.current ? ` <span class="badge">${t('当前')}</span>` : ''}</th>
      <td>${escape(when(v.created))}<small>${escape(v.user ?? '—')}</small></td>
      <td>${escape(t(ACTIONS[v.action] ?? v.action))}<small class="file">${escape(v.fileName ?? '—')}</small></td>
      <td class="num features">${fmt(v.featureCount, 0)}</td>
      <td class="num">${fmt(v.areaHa)}<small>${fmt(v.areaHa * MU_PER_HA, 0)} ${t('亩')}</small></td>
      <td class="actions">${v.current ? '' : `<button type="button" data-compare="${v.version}">${t('对比')}</button>
        <button type="button" class="restore" data-restore="${v.version}">${t('恢复')}</button>`}</td></tr>`;
  return `<table class="tier-table versions"><thead><tr><th scope="col">${t('版本')}</th>
      <th scope="col">${t('时间')}<br><small>${t('用户')}</small></th><th scope="col">${t('操作')}<br><small>${t('文件')}</small></th>
      <th scope="col" class="num features">${t('要素')}</th><th scope="col" class="num">${t('面积')}<br><small>${t('公顷')}</small></th>
      <th scope="col"><span class="visually-hidden">${t('对比或恢复')}</span></th></tr></thead>
    <tbody>${versions.map(row).join('')}</tbody></table>`;
}

// The diff as the server gives it: per county (and in total) the area in a and in b and the change, in 公顷 and
// 亩; counties where the line is in neither version are left out.
function diffTable(diff, a, b) {
  const cells = (c) => `<td class="num">${fmt(c.aHa)}</td><td class="num">${fmt(c.bHa)}</td>
      <td class="num change">${signed(c.changeHa)}</td><td class="num change">${signed(c.changeMu, 0)}</td>`;
  const rows = diff.counties.filter((c) => c.aHa || c.bHa);
  return `<h3>${escape(versionName(a))} → ${escape(versionName(b))}</h3>
    <p class="counts">${t('要素：新增 {added}，删除 {removed}，变化 {changed}', diff.features)}</p>
    <table class="tier-table diff-table"><thead><tr><th scope="col">${t('县级行政区')}</th>
      <th scope="col" class="num">${t('版本 {version}', { version: a.version })}<br><small>${t('公顷')}</small></th>
      <th scope="col" class="num">${t('版本 {version}', { version: b.version })}<br><small>${t('公顷')}</small></th>
      <th scope="col" class="num">${t('变化')}<br><small>${t('公顷')}</small></th><th scope="col" class="num">${t('变化')}<br><small>${t('亩')}</small></th></tr></thead>
      <tbody>${rows.map((c) => `<tr><th scope="row">${placeHtml(c.name)}</th>${cells(c)}</tr>`).join('')}</tbody>
      <tfoot><tr><th scope="row">${t('合计')}</th>${cells(diff.total)}</tr></tfoot></table>
    <a class="csv" download href="${versionsUrl(diff.layerId)}/${a.version}/diff/${b.version}?format=csv">${t('下载 CSV（Excel）')}</a>`;
}

/**
 * 历史版本 of the control lines: each line's versions (who imported which file when, features, area), and for
 * an old one 对比 (the swipe with the current version, beside a per-county diff) and, for editors, 恢复 (a
 * new version equal to the old one). `compare(layerId, old, current)` starts the swipe and returns its stop();
 * `send` is csrfFetch; `onRestored` follows a restore.
 */
export function attachHistory(panel, { compare, send, onRestored }) {
  const picker = panel.querySelector('select');
  const list = panel.querySelector('.versions-list');
  const diffSection = panel.querySelector('.diff');
  const message = panel.querySelector('.history-message');
  picker.innerHTML = CONTROL_LINES.map((l) => `<option value="${l.id}">${t(l.title)}</option>`).join('');
  let versions = [];
  let stopSwipe = () => {};

  function endCompare() {
    stopSwipe();
    stopSwipe = () => {};
    diffSection.hidden = true;
  }

  async function show(layerId = picker.value) {
    endCompare();
    picker.value = layerId;
    message.textContent = '';
    panel.hidden = false;
    versions = await getJson(versionsUrl(layerId));
    list.innerHTML = versionTable(versions);
  }

  async function compareWith(number) {
    endCompare();
    const old = versions.find((v) => v.version === number);
    const current = versions.find((v) => v.current);
    const layerId = picker.value;
    list.querySelectorAll('tr.compared').forEach((r) => r.classList.remove('compared'));
    list.querySelector(`[data-compare="${number}"]`).closest('tr').classList.add('compared');
    stopSwipe = compare(layerId, old, current);
    const diff = await getJson(`${versionsUrl(layerId)}/${old.version}/diff/${current.version}`);
    diffSection.innerHTML = diffTable(diff, old, current);
    diffSection.hidden = false;
  }

  async function restore(number) {
    const layerId = picker.value;
    message.className = 'history-message';
    message.textContent = t('正在恢复版本 {version}…', { version: number });
    const response = await send(`${versionsUrl(layerId)}/${number}/restore`, { method: 'POST' });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      message.className = 'history-message error';
      message.textContent = t('恢复失败，数据未改变：{reason}', { reason: body && body.message ? body.message[lang] || body.message.zh : response.status });
      return;
    }
    message.className = 'history-message ok';
    message.textContent = t('已恢复版本 {version}，成为新的当前版本。', { version: number });
    onRestored(layerId);
  }

  picker.addEventListener('change', () => show().catch((e) => { message.textContent = e.message; }));
  list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-compare], button[data-restore]');
    if (!button) return;
    const action = button.dataset.compare ? compareWith(Number(button.dataset.compare)) : restore(Number(button.dataset.restore));
    action.catch((e) => { message.className = 'history-message error'; message.textContent = e.message; });
  });
  const hide = () => {
    endCompare();
    panel.hidden = true;
  };
  panel.querySelector('.close').addEventListener('click', hide);
  return { show, hide };
}
