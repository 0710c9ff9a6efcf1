import { EN } from './lang-en.js';
import { escape } from './text.js';
import { MAP_ENGLISH } from './styles.js';

// The viewer's language, 中文 (zh, the default) or English (en), from the permalink's lang=; switching
// reloads the page with the other, so every module simply draws in the one language it finds here.
// Chinese is the key: t('导出图片') is the Chinese text itself, or its English from lang-en.js (or, for the
// words maps carry, from the style file, which the server's English map images read too). Plan text
// and place names stay Chinese (marked lang="zh" for screen readers); places get their pinyin beside them.
export const lang = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('lang') === 'en' ? 'en' : 'zh';

document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';

export const locale = lang === 'en' ? 'en-GB' : 'zh-CN';

// English text has ASCII brackets, also where the dictionary lacks an entry and the Chinese stands in.
const asciiBrackets = (text) => text.replace(/\s*（/g, ' (').replace(/）/g, ')');

/** The text in the viewer's language; {name} placeholders are filled from `values` (not escaped). */
export function t(zh, values = {}) {
  const text = lang === 'en' ? asciiBrackets(EN[zh] ?? MAP_ENGLISH[zh] ?? zh) : zh;
  return text.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
}

// English forms of place names (/api/plan/place-names), loaded once at start in English mode only.
let english = {};

export async function loadPlaceNames(getJson) {
  if (lang === 'en') english = await getJson('/api/plan/place-names');
}

/** A place name as text: 孝义市 in Chinese, "孝义市 Xiaoyi City" in English. */
export const placeText = (name) => (lang === 'en' && english[name] ? `${name} ${english[name]}` : String(name ?? ''));

/** A place name as markup: the Chinese marked as such, its pinyin beside it in English mode. */
export const placeHtml = (name) => (lang === 'en' && english[name]
  ? `<span lang="zh">${escape(name)}</span> <span class="pinyin">${escape(english[name])}</span>` : escape(name));

/** Chinese text the viewer quotes (plan text, data values), marked so in English mode. */
export const zhHtml = (text) => (lang === 'en' ? `<span lang="zh">${escape(text)}</span>` : escape(text));

/**
 * A note from the plan tables, written Chinese first and then English ("…范围取五市全域。The plan names…"):
 * each language shows its own half.
 */
export function noteHtml(text) {
  const note = String(text ?? '');
  const at = note.search(/(?<=[。）”])\s*[A-Z]/);
  if (at < 0) return zhHtml(note);
  return lang === 'en' ? escape(note.slice(at).trim()) : escape(note.slice(0, at));
}

/** A map label: the Chinese name with its pinyin under it in English mode. */
export const labelHtml = (name) => (lang === 'en' && english[name]
  ? `<span lang="zh">${escape(name)}</span><br><span class="pinyin">${escape(english[name].replace(/ (City|County|District)$/, ''))}</span>`
  : escape(name));

// The static page (index.html): text, placeholders, titles and labels found in the dictionary are replaced.
export function translatePage(root = document.body) {
  document.title = t(document.title);
  if (lang !== 'en') return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.trim();
    if (text && EN[text]) node.nodeValue = node.nodeValue.replace(text, EN[text]);
  }
  root.querySelectorAll('[placeholder], [title], [aria-label]').forEach((e) => {
    ['placeholder', 'title', 'aria-label'].forEach((a) => { if (e.hasAttribute(a)) e.setAttribute(a, t(e.getAttribute(a))); });
  });
}

/** The permalink's hash with lang switched, for the 中文/English link. */
export function otherLanguageHash(hash = window.location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (lang === 'en') params.delete('lang'); else params.set('lang', 'en');
  return `#${params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':')}`;
}
