// Login with a name and password of the zorgtafel realm; the platform sets the session cookie.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { logIn } from '../session.js';
import { pageHeading, field } from '../ui.js';

export async function render(main, params, context) {
  const expired = context.query.get('expired') === '1';
  const next = context.query.get('next');
  const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const message = h('div', { id: 'login-message' });
  const submit = h('button', { type: 'submit', class: 'button-primary' }, t('login.submit'));

  const form = h('form', { class: 'login-form', novalidate: true, 'aria-describedby': 'login-message' },
    field(t('login.username'), username),
    field(t('login.password'), password),
    submit,
    message);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    if (!username.value.trim() || !password.value) {
      message.append(h('p', { class: 'notice notice-error', role: 'alert' }, t('login.missing')));
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    try {
      await logIn(username.value.trim(), password.value);
      password.value = '';
      context.navigate(next && next.startsWith('#/') && !next.startsWith('#/login') ? next : '#/');
    } catch (error) {
      submit.disabled = false;
      password.value = '';
      message.append(h('p', { class: 'notice notice-error', role: 'alert' },
        error.status === 401 ? t('login.failed') : t('error.general')));
      password.focus();
    }
  });

  main.append(h('div', { class: 'login-page' },
    pageHeading(t('login.title')),
    h('p', { class: 'lead' }, t('login.intro')),
    expired ? h('p', { class: 'notice notice-info', role: 'status' }, t('login.sessionEnded')) : null,
    form));
}
