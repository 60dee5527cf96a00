// Match candidates: two youths without a shared BSN who may be one person. The coordinator
// compares them side by side and confirms (they become one youth, one case) or rejects.
import { h, clear, announce } from '../dom.js';
import { t, label, formatDate } from '../i18n.js';
import { api, optional } from '../api.js';
import { pageHeading, notAvailable, errorNotice, partnerName, statusBadge, loading, askFirst } from '../ui.js';

export async function render(main, params, context) {
  main.append(pageHeading(t('candidates.title')), h('p', { class: 'lead' }, t('candidates.intro')), loading());
  const result = await optional('/match-candidates');
  if (!context.isCurrent()) return undefined;
  main.querySelector('.loading').remove();
  if (!result.available) {
    main.append(notAvailable(t('candidates.title')));
    return undefined;
  }
  const items = result.data.items || [];
  if (!items.length) {
    main.append(h('p', { class: 'empty notice notice-info', role: 'status' }, t('candidates.none')));
    return undefined;
  }
  const chosen = context.query.get('id');
  const detail = h('div', { class: 'candidate-detail' });
  const list = h('ul', { class: 'candidate-list', 'aria-label': t('candidates.listLabel') }, items.map((item) => h('li', {},
    h('a', { href: `#/match-candidates?id=${encodeURIComponent(item.id)}`, 'aria-current': item.id === chosen ? 'true' : null },
      `${item.youth.displayName} ↔ ${item.candidate.displayName}`),
    ' ', h('span', { class: 'hint' }, t('candidates.score', { score: item.score }))))); 
  main.append(h('div', { class: 'candidates-grid' }, h('nav', { 'aria-label': t('candidates.listLabel') }, list), detail));
  const current = items.find((item) => item.id === chosen) || items[0];
  compare(detail, current, context);
  return undefined;
}

function row(term, left, right, same) {
  return h('tr', {},
    h('th', { scope: 'row' }, term),
    h('td', {}, left),
    h('td', {}, right),
    h('td', {}, same === undefined ? '' : same ? t('candidates.same') : h('strong', {}, t('candidates.different'))));
}

function compare(detail, item, context) {
  const a = item.youth;
  const b = item.candidate;
  const message = h('div', { class: 'action-message' });
  const decide = (decision) => async () => {
    message.replaceChildren();
    try {
      await api(`/match-candidates/${encodeURIComponent(item.id)}/${decision}`, { method: 'POST' });
      announce(t(decision === 'confirm' ? 'candidates.confirmed' : 'candidates.rejected'));
      context.navigate('#/match-candidates');
      if (window.location.hash === '#/match-candidates') return;
    } catch (error) {
      message.append(errorNotice(error));
    }
  };
  const confirming = askFirst({
    action: t('candidates.confirm'),
    question: t('candidates.confirmQuestion', { a: a.displayName, b: b.displayName }),
    yes: t('candidates.confirmYes'),
    onYes: decide('confirm'),
  });
  clear(detail).append(
    h('h2', {}, t('candidates.compare')),
    h('p', {}, t('candidates.why', { score: item.score, reasons: (item.reasons || []).map((r) => label('matchReason', r)).join(', ') })),
    h('table', { class: 'data-table compare-table' },
      h('caption', { class: 'visually-hidden' }, t('candidates.compare')),
      h('thead', {}, h('tr', {},
        h('td', {}),
        h('th', { scope: 'col' }, t('candidates.youthA')),
        h('th', { scope: 'col' }, t('candidates.youthB')),
        h('th', { scope: 'col' }, t('candidates.verdict')))),
      h('tbody', {},
        row(t('candidates.name'), a.displayName, b.displayName, a.displayName === b.displayName),
        row(t('candidates.birthDate'), formatDate(a.birthDate), formatDate(b.birthDate), a.birthDate === b.birthDate),
        row(t('candidates.partners'), (a.partners || []).map(partnerName).join(', '), (b.partners || []).map(partnerName).join(', ')),
        row(t('candidates.case'),
          a.caseId ? [h('a', { href: `#/cases/${encodeURIComponent(a.caseId)}` }, t('candidates.openCase')), ' ', statusBadge(a.caseStatus)] : '–',
          b.caseId ? [h('a', { href: `#/cases/${encodeURIComponent(b.caseId)}` }, t('candidates.openCase')), ' ', statusBadge(b.caseStatus)] : '–'))),
    h('p', { class: 'hint' }, t('candidates.explain')),
    h('div', { class: 'actions' },
      confirming.button, ' ',
      h('button', { type: 'button', class: 'button-secondary', onclick: decide('reject') }, t('candidates.reject'))),
    confirming.step,
    message);
}
