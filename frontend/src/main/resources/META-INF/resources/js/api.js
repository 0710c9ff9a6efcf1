import { lang, t } from './i18n.js';

// Reads planmap's JSON API; every failure becomes an Error whose message is the server's text in the
// viewer's language (problem documents carry both, message.zh and message.en).
export async function getJson(path) {
  return answer(await fetch(path, { headers: { Accept: 'application/json' } }));
}

async function answer(response) {
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json().catch(() => null);
}

/** A failed answer as an Error: the problem document's message in the viewer's language, its status and code. */
export async function failure(response) {
  const body = await response.json().catch(() => null);
  const error = new Error(body && body.message ? body.message[lang] || body.message.zh : t('请求失败（{status}）', { status: response.status }));
  error.status = response.status;
  error.code = body && body.code;
  return error;
}

function cookie(name) {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return entry ? decodeURIComponent(entry.slice(name.length + 1)) : null;
}

// fetch for anything that changes data (POST/PUT/PATCH/DELETE): sends the session cookie and echoes the
// XSRF-TOKEN cookie in X-XSRF-TOKEN, which the server requires of logged-in browsers (CSRF protection).
// Use it for every write, e.g. csrfFetch(`/api/layers/${id}/import`, { method: 'POST', body: formData }).
export function csrfFetch(path, options = {}) {
  const headers = new Headers(options.headers || {});
  const token = cookie('XSRF-TOKEN');
  if (token) headers.set('X-XSRF-TOKEN', token);
  headers.set('X-Requested-With', 'XMLHttpRequest');
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  return fetch(path, { ...options, headers, credentials: 'same-origin' });
}

// csrfFetch with a JSON body; the answer (or null for 204) or an Error with the server's Chinese text.
export async function sendJson(method, path, body) {
  const options = { method };
  if (body !== undefined) {
    options.body = JSON.stringify(body);
    options.headers = { 'Content-Type': 'application/json' };
  }
  return answer(await csrfFetch(path, options));
}

// zoom (optional) asks for the layer generalised for that map zoom (the small layers; others answer in full).
export const layerFeatures = (id, zoom) => getJson(`/api/layers/${encodeURIComponent(id)}/features${zoom === undefined ? '' : `?zoom=${zoom}`}`);
