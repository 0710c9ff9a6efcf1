import { escape, wrapSpans } from './text.js';

// The plan documents inside the app: headings, paragraphs and tables as the seeds have them, every place
// name a link to the map.
export function attachReader(panel, documents, kindOf, onPlace) {
  const body = panel.querySelector('.reader-body');
  const picker = panel.querySelector('select');
  picker.innerHTML = documents.map((d) => `<option value="${escape(d.file)}">${escape(d.title)}</option>`).join('');
  const cache = new Map();

  async function show(file, start) {
    picker.value = file;
    if (!cache.has(file)) cache.set(file, await fetch(`/api/plan/documents/${encodeURIComponent(file)}`).then((r) => r.json()));
    const doc = cache.get(file);
    if (body.dataset.file !== file) {
      body.innerHTML = doc.blocks.map((b) => render(b, kindOf)).join('');
      body.dataset.file = file;
    }
    panel.hidden = false;
    body.querySelectorAll('.current').forEach((e) => e.classList.remove('current'));
    const target = start == null ? body.firstElementChild : body.querySelector(`[data-start="${start}"]`);
    if (target) {
      target.classList.add('current');
      body.scrollTop = target.offsetTop - body.offsetTop;
    }
  }

  picker.addEventListener('change', () => show(picker.value));
  body.addEventListener('click', (event) => {
    const link = event.target.closest('[data-place]');
    if (!link) return;
    event.preventDefault();
    const [kind, id] = link.dataset.place.split(':');
    onPlace(kind, id);
  });
  return { show };
}

function render(block, kindOf) {
  if (block.type === 'heading') {
    const level = Math.min(block.level + 2, 5);
    return `<h${level}>${escape(block.text)}</h${level}>`;
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
