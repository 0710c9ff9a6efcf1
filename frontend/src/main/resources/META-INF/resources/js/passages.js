import { escape, wrapSpans } from './text.js';

// Fills a card's 规划原文 section with every passage of the two seeds that mentions the place, each with
// its document and section, the mention highlighted, and a link into the reader at that passage.
export async function loadPassages(card, placeId, titles) {
  const section = card.querySelector('.passages');
  if (!section) return;
  const response = await fetch(`/api/plan/passages?place=${encodeURIComponent(placeId)}`);
  if (!response.ok) {
    section.querySelector('.loading').textContent = '原文中未提及。';
    return;
  }
  const { passages } = await response.json();
  section.innerHTML = `<h3>规划原文（${passages.length} 处）</h3>${passages.length ? '' : '<p>原文中未提及。</p>'}${passages.map(({ passage, hits }) => `
    <figure class="passage">
      <figcaption>${escape(titles[passage.document] || passage.document)} · ${escape(passage.headingPath.join(' · '))}
        <a href="#" data-read="${escape(passage.document)}:${passage.start}">在原文中查看</a></figcaption>
      <p class="${passage.kind === 'table' ? 'table-text' : ''}">${wrapSpans(passage.text, hits.map((h) => ({
    start: h.start, end: h.end, open: '<mark>', close: '</mark>' })))}</p>
    </figure>`).join('')}`;
}

// 吕梁市's 2021 tasks (seed 000), for the city and its counties: each with its quantified targets and
// the departments responsible.
export function showLuliangTasks(card, tasks) {
  const section = card.querySelector('.tasks');
  if (!section) return;
  section.hidden = false;
  section.innerHTML = `<h3>吕梁市2021年重点任务（${tasks.length} 项）</h3>${tasks.map((t) => `
    <details class="task"><summary>${escape(t.label)} ${escape(t.title)}${t.targets.length ? ` <small>${t.targets.length} 项量化目标</small>` : ''}</summary>
      ${t.targets.length ? `<ul>${t.targets.map((g) => `<li>${escape(g.clause)}</li>`).join('')}</ul>` : ''}
      <p class="departments">责任单位：${t.departments.map(escape).join('、')}</p>
      <p class="source">出处：000_0a041ac12674b7fe.txt ${escape(t.part)} ${escape(t.label)}</p>
    </details>`).join('')}`;
}
