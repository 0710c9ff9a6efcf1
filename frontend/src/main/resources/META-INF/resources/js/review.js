import { addPanel } from './panels.js';
import { csrfFetch, failure } from './api.js';
import { escape } from './text.js';
import { t, placeHtml, zhHtml, locale, lang } from './i18n.js';
import { sketch } from './sketch.js';
import { saveResponse } from './export.js';

// 合规性审查: the planner draws a site on the map or uploads its file (GeoJSON, zipped Shapefile, GeoPackage, KML;
// a CRS for a file that declares none), POST /api/site-review answers how it falls into counties, control lines,
// conflicts, town groups and regions with the plan's passages and a sentence to paste; the same request with
// format=pdf is the report to download. The site stays outlined on the map while the panel is open.
const SITE_STYLE = { color: '#b91c1c', weight: 3, fill: true, fillColor: '#b91c1c', fillOpacity: 0.08, dashArray: '6 4' };

// CGCS2000 3° Gauss-Krüger: zones 25–45 with the zone number in the easting (EPSG:4513–4533), the same
// central meridians without it (4534–4554). Shanxi lies in zones 37 and 38 (111°E, 114°E): those come first.
function crsOptions() {
  const zone = (epsg) => (epsg <= 4533
    ? t('CGCS2000 3度带 第{zone}带（带号，中央经线 {cm}°E）', { zone: epsg - 4513 + 25, cm: 75 + 3 * (epsg - 4513) })
    : t('CGCS2000 3度带 中央经线 {cm}°E（不带带号）', { cm: 75 + 3 * (epsg - 4534) }));
  const shanxi = [4546, 4547, 4525, 4526];
  const others = [...Array(42).keys()].map((i) => 4513 + i).filter((e) => !shanxi.includes(e));
  const option = (epsg, text) => `<option value="EPSG:${epsg}">EPSG:${epsg} ${escape(text)}</option>`;
  return `<option value="">${t('按文件声明')}</option>
    <optgroup label="${t('经纬度')}">${option(4490, 'CGCS2000')}${option(4326, 'WGS 84')}</optgroup>
    <optgroup label="${t('山西常用')}">${shanxi.map((e) => option(e, zone(e))).join('')}</optgroup>
    <optgroup label="${t('其他 3 度带')}">${others.map((e) => option(e, zone(e))).join('')}</optgroup>`;
}

function panel() {
  return addPanel('review', 'panel review', t('合规性审查'), t('合规性审查'), `<div class="review-body">
      <form class="site-input">
        <p class="hint">${t('绘制或上传项目地块（红线），对照三条控制线、规模等级和规划文本进行审查。')}</p>
        <button type="button" class="draw">${t('在地图上绘制地块')}</button>
        <fieldset><legend>${t('或上传地块文件')}</legend>
          <label>${t('文件（GeoJSON、Shapefile 压缩包、GeoPackage、KML）')}
            <input type="file" name="file" accept=".geojson,.json,.zip,.gpkg,.kml"></label>
          <label>${t('坐标系（仅当文件未声明时选择）')} <select name="crs">${crsOptions()}</select></label>
          <button type="submit">${t('上传并审查')}</button>
        </fieldset>
      </form>
      <p class="review-status" role="status" aria-live="polite"></p>
      <div class="review-result" tabindex="-1"></div>
    </div>`);
}

const number = (v, digits = 2) => Number(v).toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const table = (caption, heads, rows) => (rows.length ? `<table class="review-table"><caption>${caption}</caption>
    <thead><tr>${heads.map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i ? `<td class="num">${c}</td>` : `<th scope="row">${c}</th>`)).join('')}</tr>`).join('')}</tbody>
  </table>` : `<p class="review-none"><b>${caption}</b>${t('：')}${t('无')}</p>`);
const schematic = (line) => (line.official ? '' : ` <span class="schematic">${t('示意')}</span>`);

// The summary comes in the viewer's language; in English its place names keep their Chinese, marked so.
const summaryHtml = (text) => (lang === 'en'
  ? escape(text).replace(/[\u3400-\u9fff《》“”]+/g, (chinese) => `<span lang="zh">${chinese}</span>`)
  : escape(text));

function render(report) {
  const s = report.site;
  const places = (list) => list.map((p) => `${placeHtml(p.name)}${t('（{share}%）', { share: number(p.sharePercent) })}`).join(t('、')) || t('无');
  return `<h3>${t('审查结果')}</h3>
    <p class="site-area">${t('地块面积 {ha} 公顷（{mu} 亩）', { ha: number(s.areaHa), mu: number(s.areaMu) })}
      <small>${t('坐标系：')}${escape(s.sourceCrs)}</small></p>
    <div class="summary"><p>${summaryHtml(report.summary)}</p>
      <button type="button" class="copy">${t('复制结论')}</button><span class="copied" role="status" aria-live="polite"></span></div>
    ${table(t('涉及县级单元'), [t('县级单元'), t('规模等级'), t('公顷'), t('占地块')],
    report.counties.map((c) => [`${placeHtml(c.cityName)} ${placeHtml(c.name)}`, escape(t(c.tier)), number(c.areaHa), `${number(c.sharePercent)}%`]))}
    ${table(t('三条控制线'), [t('控制线'), t('公顷'), t('亩'), t('占地块')],
    report.lines.map((l) => [`${escape(t(l.title.replace(/（.*）$/, '')))}${schematic(l)}`, number(l.areaHa), number(l.areaMu), `${number(l.sharePercent)}%`]))}
    ${report.lines.some((l) => !l.official) ? `<p class="hint">${t('标“示意”的控制线为程序生成的演示数据，不是官方成果。')}</p>` : ''}
    ${table(t('控制线冲突'), [t('冲突'), t('公顷'), t('亩'), t('占地块')],
    report.conflicts.map((c) => [`${placeHtml(c.countyName)} ${escape(t(c.kindName))}`, number(c.areaHa), number(c.areaMu), `${number(c.sharePercent)}%`]))}
    <dl class="structure"><dt>${t('城镇群')}</dt><dd>${places(report.townGroups)}</dd>
      <dt>${t('一群两区三圈')}</dt><dd>${places(report.regions)}</dd></dl>
    ${report.passages.length ? `<h3>${t('规划原文')}</h3>${report.passages.map((p) => `<figure class="passage">
      <figcaption>${placeHtml(p.county)} · ${zhHtml(`《${p.document}》${p.section}`)}</figcaption><p lang="zh">${escape(p.text)}</p></figure>`).join('')}` : ''}
    <button type="button" class="pdf">${t('下载 PDF 报告')}</button>`;
}

/**
 * @param padding () => fitBounds padding that keeps the site clear of the open panels (layout.js)
 */
export function attachReview(map, padding) {
  const element = panel();
  const form = element.querySelector('form');
  const status = element.querySelector('.review-status');
  const result = element.querySelector('.review-result');
  let site = null;      // what was sent: { body, type } for a drawn site, or FormData for a file
  let outline = null;   // the site on the map
  let stop = () => {};

  const say = (text, kind = '') => { status.className = `review-status ${kind}`; status.textContent = text; };

  async function send(format) {
    const headers = { Accept: format === 'pdf' ? 'application/pdf' : 'application/json' };
    if (site.type) headers['Content-Type'] = site.type;
    // The report's words follow the viewer's language: the PDF throughout, the JSON its summary.
    const query = `?format=${format}${lang === 'en' ? '&lang=en' : ''}`;
    const response = await csrfFetch(`/api/site-review${query}`, { method: 'POST', headers, body: site.body });
    if (!response.ok) throw await failure(response);
    return response;
  }

  function show(report) {
    if (outline) outline.remove();
    outline = L.geoJSON(report.site.outline, { style: SITE_STYLE, interactive: false }).addTo(map);
    const [w, s, e, n] = report.site.bbox;
    map.fitBounds([[s, w], [n, e]], { ...padding(), maxZoom: 15 });
    result.innerHTML = render(report);
    result.focus();
  }

  async function review(next) {
    site = next;
    result.innerHTML = '';
    say(t('正在审查…'));
    try {
      show(await (await send('json')).json());
      say('');
    } catch (error) {
      say(error.message, 'error');
    }
  }

  element.querySelector('.draw').addEventListener('click', () => {
    stop();
    if (outline) outline.remove();
    say(t('在地图上单击添加地块的节点，单击第一个节点闭合。'));
    stop = sketch(map, 'Polygon', { onDone: (layer) => {
      const body = JSON.stringify(layer.toGeoJSON());
      layer.remove();
      review({ body, type: 'application/geo+json' });
    } });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    if (!data.get('file') || !data.get('file').size) {
      say(t('请选择地块文件'), 'error');
      return;
    }
    if (!data.get('crs')) data.delete('crs');
    review({ body: data });
  });
  result.addEventListener('click', async (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.matches('.copy')) {
      await navigator.clipboard.writeText(result.querySelector('.summary p').textContent).then(() => {
        result.querySelector('.copied').textContent = t('已复制');
      }, () => {
        window.getSelection().selectAllChildren(result.querySelector('.summary p'));
        result.querySelector('.copied').textContent = t('已选中，请按 Ctrl+C 复制');
      });
    } else if (button.matches('.pdf')) {
      button.disabled = true;
      say(t('正在生成 PDF 报告…'));
      try {
        await saveResponse(await send('pdf'), status, t('合规性审查报告.pdf'));
      } catch (error) {
        say(error.message, 'error');
      } finally {
        button.disabled = false;
      }
    }
  });
  const close = () => {
    stop();
    if (outline) outline.remove();
    outline = null;
    element.hidden = true;
  };
  element.querySelector('.close').addEventListener('click', close);
  return {
    show() {
      element.hidden = false;
      element.querySelector('.draw').focus();
    },
    close,
  };
}
