import { escape } from './card.js';

// Fills the card's 规划原文 section with every passage of the two seeds that mentions the place, the
// mention highlighted, each with its document and section.
export async function loadPassages(card, placeId) {
  const section = card.querySelector('.passages');
  if (!section) return;
  const answer = await fetch(`/api/plan/passages?place=${encodeURIComponent(placeId)}`).then((r) => (r.ok ? r.json() : null));
  if (!answer) {
    section.querySelector('.loading').textContent = '暂无原文索引。';
    return;
  }
  const passages = answer.passages || [];
  section.innerHTML = `<h3>规划原文（${passages.length} 处）</h3>${passages.map((p) => `<figure class="passage">
      <figcaption>${escape(p.documentTitle || p.document)} · ${escape(p.heading)}</figcaption>
      <p>${highlight(p.text, p.hits || [])}</p></figure>`).join('')}`;
}

function highlight(text, hits) {
  let out = '';
  let at = 0;
  [...hits].sort((a, b) => a.start - b.start).forEach((h) => {
    if (h.start < at) return;
    out += escape(text.slice(at, h.start)) + `<mark>${escape(text.slice(h.start, h.end))}</mark>`;
    at = h.end;
  });
  return out + escape(text.slice(at));
}
