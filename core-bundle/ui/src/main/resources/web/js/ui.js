// Small pieces every page uses: headings, badges, notices, form fields.
import { h, uid } from './dom.js';
import { t, label } from './i18n.js';

/** The page's one h1; it takes the focus after a navigation. */
export function pageHeading(title, ...extra) {
  return h('div', { class: 'page-heading' }, h('h1', { tabindex: '-1', id: 'page-title' }, title), ...extra);
}

/**
 * A badge says with a word and an icon what colour also says: never colour alone.
 * kind: crisis | repeat | overdue | open | closed | done | active | absent | neutral | new | added
 */
export function badge(kind, text) {
  return h('span', { class: `badge badge-${kind}` }, h('span', { class: 'badge-icon', 'aria-hidden': 'true' }), text);
}

export function caseBadges(item) {
  return [
    item.crisis ? badge('crisis', t('badge.crisis')) : null,
    item.repeat ? badge('repeat', t('badge.repeat')) : null,
  ];
}

export function statusBadge(status) {
  return badge(status === 'open' ? 'open' : status === 'closed' ? 'closed' : 'neutral', label('caseStatus', status));
}

export function partnerName(partnerId) {
  return label('partner', partnerId);
}

/** A part of the platform the API does not offer yet: said plainly, in the user's language. */
export function notAvailable(what) {
  return h('div', { class: 'notice notice-pending', role: 'status' },
    h('p', { class: 'notice-title' }, t('notAvailable.title')),
    h('p', {}, t('notAvailable.body', { what })));
}

/** An error from the API, as a message people can act on. */
export function errorNotice(error) {
  let text;
  if (error && error.status === 403) text = t('error.forbidden');
  else if (error && error.status === 404) text = t('error.notFound');
  else if (error && error.status === 0) text = t('error.network');
  else if (error && error.status === 400) text = t('error.invalid');
  else if (error && error.status === 409) text = t('error.conflict');
  else if (error && error.status === 429) text = t('error.tooMany');
  else text = t('error.general');
  const faults = error && error.faults ? error.faults : [];
  return h('div', { class: 'notice notice-error', role: 'alert' },
    h('p', { class: 'notice-title' }, text),
    error && error.status === 409 && error.problem.detail ? h('p', {}, error.problem.detail) : null,
    faults.length ? h('ul', {}, faults.map((fault) => h('li', {}, fault))) : null);
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('loading'));
}

/** A labelled form field; the hint is read with the field. */
export function field(labelText, control, hint) {
  const id = control.id || uid('field');
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' },
    h('label', { for: id }, labelText),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    control);
}

/**
 * Checks that required fields are filled; if not, says which (in `message`) and puts the focus
 * on the first empty one. fields: [[control, label], …]. True when all are filled.
 */
export function requireFilled(message, fields) {
  const missing = fields.filter(([control]) => !String(control.value).trim());
  if (!missing.length) return true;
  message.append(h('div', { class: 'notice notice-error', role: 'alert' },
    t('form.missing', { fields: missing.map(([, name]) => name).join(', ') })));
  missing[0][0].focus();
  return false;
}

/**
 * A button whose action asks once more: it opens a question (read out at once) with a "yes" and
 * a "cancel"; cancel closes it and puts the focus back on the button. `fields` (say, a reference
 * to type) stand between the question and the answers, and the first of them takes the focus.
 * `ready`, when given, is asked before the question opens (false: it says itself what is missing).
 * `onYes` does the work. Returns the button and the question, for the page to place.
 */
export function askFirst({
  action, question, yes, onYes, cancel = t('form.cancel'), ready = () => true, fields = null, actionClass = 'button-primary',
}) {
  const button = h('button', { type: 'button', class: actionClass }, action);
  const yesButton = h('button', { type: 'submit', class: 'button-primary' }, yes);
  const step = h('form', { class: 'confirm-step', hidden: true, noValidate: true },
    h('p', { role: 'alert' }, question),
    fields,
    h('div', { class: 'actions' }, yesButton, h('button', { type: 'button', class: 'button-secondary', onclick: close }, cancel)));
  function close() {
    step.hidden = true;
    button.focus();
  }
  button.addEventListener('click', () => {
    if (!ready()) return;
    step.hidden = false;
    (step.querySelector('input, select, textarea') || yesButton).focus();
  });
  step.addEventListener('submit', async (event) => {
    event.preventDefault();
    yesButton.disabled = true;
    try {
      await onYes();
    } finally {
      yesButton.disabled = false;
    }
  });
  return { button, step, close };
}

/** A checkbox with its label after it. */
export function checkbox(labelText, attributes) {
  const id = attributes.id || uid('check');
  return h('div', { class: 'check' }, h('input', { type: 'checkbox', ...attributes, id }), h('label', { for: id }, labelText));
}

export function partnerSelect(partners, attributes, emptyLabel) {
  return h('select', attributes,
    emptyLabel ? h('option', { value: '' }, emptyLabel) : null,
    partners.map((id) => h('option', { value: id }, partnerName(id))));
}

export const KNOWN_PARTNERS = ['jbrr', 'horizon', 'mee', 'ggz', 'rvdk'];
