import { escape, wrapSpans } from './text.js';
import { t, zhHtml } from './i18n.js';

// A card's 规划原文 section: how many passages of the seeds mention the place and excerpts with the mentions
// highlighted, each cited as 《title》 section with a link into the reader at that passage. `summary` is
// the county card's {count, first: [{source, start, kind, text, marks}]}.
export function renderPassages(section, { count, first }) {
  const more = count - first.length;
  section.innerHTML = `<h3>${t('规划原文（{count} 处）', { count })}</h3>${count ? '' : `<p>${t('原文中未提及。')}</p>`}${first.map((e) => `
    <figure class="passage">
      <figcaption>${zhHtml(e.source.text)}
        <a href="#" data-read="${escape(e.source.document)}:${e.start}">${t('在原文中查看')}</a></figcaption>
      <p lang="zh" class="${e.kind === 'table' ? 'table-text' : ''}">${wrapSpans(e.text, e.marks.map((m) => ({ ...m, open: '<mark>', close: '</mark>' })))}</p>
    </figure>`).join('')}${more > 0 ? `<p class="more">${t('另有 {more} 处，见“规划文本”。', { more })}</p>` : ''}`;
}

// Cities, town groups and regions have no card document: their passages (/api/plan/passages) and 吕梁市's
// tasks (/api/plan/luliang-tasks) are put in the county card's shapes, cited the way the server cites.
const cite = (titles, document, section) => ({ document, text: `《${titles[document]}》${section}` });

export const passageSummary = ({ passages }, titles) => ({ count: passages.length,
  first: passages.map(({ passage, hits }) => ({ source: cite(titles, passage.document, passage.headingPath.join(' ')),
    start: passage.start, kind: passage.kind, text: passage.text, marks: hits })) });

export const taskSummary = (tasks, titles, document) => tasks.map((t) => ({ ...t,
  targets: t.targets.map((g) => g.clause), source: cite(titles, document, `${t.part} ${t.label}`) }));

// 吕梁市's 2021 tasks (the county card's luliangTasks): each with its quantified targets, the departments
// responsible and its source.
export function renderTasks(section, tasks) {
  section.hidden = tasks.length === 0;
  section.innerHTML = `<h3>${t('吕梁市2021年重点任务（{count} 项）', { count: tasks.length })}</h3>${tasks.map((task) => `
    <details class="task"><summary>${zhHtml(`${task.label} ${task.title}`)}${task.targets.length ? ` <small>${t('{count} 项量化目标', { count: task.targets.length })}</small>` : ''}</summary>
      ${task.targets.length ? `<ul lang="zh">${task.targets.map((clause) => `<li>${escape(clause)}</li>`).join('')}</ul>` : ''}
      <p class="departments">${t('责任单位：')}${zhHtml(task.departments.join('、'))}</p>
      <p class="source">${t('出处：')}${zhHtml(task.source.text)}</p>
    </details>`).join('')}`;
}
