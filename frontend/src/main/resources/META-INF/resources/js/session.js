import { getJson, sendJson } from './api.js';
import { t } from './i18n.js';

// The editor's login in the header: 登录 opens a small form (用户名/密码), a logged-in editor sees
// "编辑：editor" and 退出. Reading needs no login. Fires 'planmap:session' on document with
// { authenticated, username } whenever that changes, for controls that only editors may use.
export function attachSession(element) {
  const who = element.querySelector('.who');
  const loginButton = element.querySelector('.login');
  const logoutButton = element.querySelector('.logout');
  const form = element.querySelector('.login-form');
  const error = form.querySelector('.error');

  function show(session) {
    const on = session.authenticated;
    who.hidden = !on;
    who.textContent = on ? t('编辑：{name}', { name: session.username }) : '';
    // A department's account name can be long: the header shortens it, never the plan's title, and shows it whole on hover.
    who.title = who.textContent;
    loginButton.hidden = on;
    logoutButton.hidden = !on;
    form.hidden = true;
    document.body.classList.toggle('editor', on);
    document.dispatchEvent(new CustomEvent('planmap:session', { detail: session }));
  }

  function fail(message) {
    error.textContent = message;
    error.hidden = false;
  }

  // Also hands out the XSRF-TOKEN cookie that csrfFetch echoes.
  const refresh = () => getJson('/api/session').then(show);

  loginButton.addEventListener('click', () => {
    form.hidden = !form.hidden;
    error.hidden = true;
    if (!form.hidden) form.elements.password.focus();
  });
  form.querySelector('.cancel').addEventListener('click', () => { form.hidden = true; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      await sendJson('POST', '/api/session', { username: form.elements.username.value, password: form.elements.password.value });
      form.elements.password.value = '';
      await refresh();
    } catch (e) {
      fail(e.status === 401 ? t('用户名或密码错误') : e.message);
    }
  });
  logoutButton.addEventListener('click', async () => {
    try {
      await sendJson('DELETE', '/api/session');
    } catch (e) {
      if (e.status !== 401) fail(e.message);
    }
    await refresh();
  });
  return refresh().catch(() => show({ authenticated: false, username: null }));
}
