import { escape, wrapSpans } from './text.js';
import { t } from './i18n.js';

// The plan documents inside the app: headings, paragraphs and tables as the seeds have them, every place
// name a link to the map; a table of contents (chapters, sections, 专栏), a search that marks every hit
// with ↑/↓ between them, and the place read kept in the permalink (doc=…&at=…) through onMove.
export function attachReader(panel, documents, kindOf, onPlace, onMove = () => {}) {
  const body = panel.querySelector('.reader-body');
  const picker = panel.querySelector('select');
  const toc = panel.querySelector('.toc ol');
  const find = panel.querySelector('.find');
  const count = find.querySelector('.count');
  picker.innerHTML = documents.map((d) => `<option value="${escape(d.file)}">${escape(d.title)}</option>`).join('');
  const cache = new Map();
  let hits = [];
  let hit = -1;

  function goTo(target) {
    body.querySelectorAll('.current').forEach((e) => e.classList.remove('current'));
    if (!target) return;
    target.classList.add('current');
    body.scrollTop = target.offsetTop - body.offsetTop;
    const passage = target.closest('[data-start]') || target.nextElementSibling;
    onMove(body.dataset.file, passage && passage.dataset.start ? Number(passage.dataset.start) : null);
  }

  async function show(file, start) {
    picker.value = file;
    if (!cache.has(file)) cache.set(file, await fetch(`/api/plan/documents/${encodeURIComponent(file)}`).then((r) => r.json()));
    const doc = cache.get(file);
    if (body.dataset.file !== file) {
      body.innerHTML = doc.blocks.map((b, i) => render(b, kindOf, i)).join('');
      body.dataset.file = file;
      toc.innerHTML = [...body.querySelectorAll('h3, h4, h5')].map((h) => `<li class="toc-${h.tagName.toLowerCase()}">
        <a href="#${h.id}" data-heading="${h.id}">${escape(h.textContent)}</a></li>`).join('');
      hits = [];
      count.textContent = '';
      find.elements.q.value = '';
    }
    panel.hidden = false;
    goTo(start == null ? body.firstElementChild : body.querySelector(`[data-start="${start}"]`));
  }

  // Every hit of the query marked; the current one scrolled to and said as "n / total".
  function search(query) {
    body.querySelectorAll('mark.hit').forEach((m) => m.replaceWith(...m.childNodes));
    body.normalize();
    hits = [];
    hit = -1;
    if (query) {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue.includes(query)) nodes.push(n);
      nodes.forEach((node) => {
        const parts = node.nodeValue.split(query);
        const fragment = document.createDocumentFragment();
        parts.forEach((part, i) => {
          fragment.append(part);
          if (i < parts.length - 1) {
            const mark = document.createElement('mark');
            mark.className = 'hit';
            mark.textContent = query;
            fragment.append(mark);
            hits.push(mark);
          }
        });
        node.replaceWith(fragment);
      });
    }
    step(1);
  }

  function step(direction) {
    if (!hits.length) {
      count.textContent = find.elements.q.value ? t('未找到') : '';
      return;
    }
    if (hit >= 0) hits[hit].classList.remove('here');
    hit = (hit + direction + hits.length) % hits.length;
    hits[hit].classList.add('here');
    count.textContent = t('{at} / {count} 处', { at: hit + 1, count: hits.length });
    goTo(hits[hit].closest('p, table, h3, h4, h5'));
    hits[hit].scrollIntoView({ block: 'center' });
  }

  picker.addEventListener('change', () => show(picker.value));
  find.addEventListener('submit', (event) => { event.preventDefault(); step(1); });
  find.elements.q.addEventListener('input', () => search(find.elements.q.value.trim()));
  find.elements.q.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); step(event.shiftKey ? -1 : 1); }
  });
  find.querySelector('.next').addEventListener('click', () => step(1));
  find.querySelector('.previous').addEventListener('click', () => step(-1));
  toc.addEventListener('click', (event) => {
    const link = event.target.closest('[data-heading]');
    if (!link) return;
    event.preventDefault();
    goTo(document.getElementById(link.dataset.heading));
  });
  body.addEventListener('click', (event) => {
    const link = event.target.closest('[data-place]');
    if (!link) return;
    event.preventDefault();
    const [kind, id] = link.dataset.place.split(':');
    onPlace(kind, id);
  });
  return { show };
}

function render(block, kindOf, index) {
  if (block.type === 'heading') {
    const level = Math.min(block.level + 2, 5);
    return `<h${level} id="reader-h${index}">${escape(block.text)}</h${level}>`;
  }
  // A hit "via" a town group credits its members with the group's name; the link there is the group's own.
  const spans = block.mentions.flatMap((m) => m.hits.filter((h) => !h.via).map((h) => ({ start: h.start, end: h.end,
    open: `<a href="#" data-place="${kindOf(m.place)}:${escape(m.place)}">`, close: '</a>' })));
  if (block.type === 'table') {
    // A table's mentions are offsets into its text, which is its rows joined line by line with " | ".
    const lines = wrapSpans(block.text, spans).split('\n');
    return `<table class="seed-table" data-start="${block.start}">${lines.map((line, i) => `<tr>${line.split(' | ').map((cell) =>
      (i <= 1 ? `<th>${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`).join('')}</table>`;
  }
  return `<p data-start="${block.start}">${wrapSpans(block.text, spans)}</p>`;
}
