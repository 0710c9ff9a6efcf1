export const escape = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

/**
 * Text with some spans wrapped: spans are {start, end, open, close} in the text's own offsets; a span that
 * overlaps one already wrapped is skipped, so the markup always nests.
 */
export function wrapSpans(text, spans) {
  let out = '';
  let at = 0;
  [...spans].sort((a, b) => a.start - b.start || b.end - a.end).forEach((s) => {
    if (s.start < at) return;
    out += escape(text.slice(at, s.start)) + s.open + escape(text.slice(s.start, s.end)) + s.close;
    at = s.end;
  });
  return out + escape(text.slice(at));
}
