// Meeting mode: the agenda the platform proposed, minutes per case, agreements made on the
// spot, cases added or taken off; then the minutes as a printable page.
import { h, clear, announce } from '../dom.js';
import { t, label, formatDate, formatTime } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { pageHeading, badge, caseBadges, partnerName, errorNotice, field, loading, requireFilled } from '../ui.js';
import { agreementsTable, agreementForm } from './case.js';

const REASON_BADGE = { crisis: 'crisis', repeat: 'repeat', 'overdue-agreement': 'overdue', new: 'new', added: 'added' };

export async function render(main, [meetingId], context) {
  main.append(pageHeading(t('meeting.loadingTitle')), loading());
  let meeting;
  try {
    meeting = await api(`/meetings/${encodeURIComponent(meetingId)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      clear(main).append(pageHeading(t('meeting.unavailableTitle')), h('p', { class: 'notice notice-error', role: 'alert' },
        error.problem.type && error.problem.type.endsWith('/not-found') ? t('meeting.notFound') : t('notAvailable.title')));
      return undefined;
    }
    throw error;
  }
  const [cases, ...files] = await Promise.all([
    api('/cases?status=open'),
    ...meeting.items.map((item) => api(`/cases/${encodeURIComponent(item.caseId)}`).catch(() => null)),
  ]);
  if (!context.isCurrent()) return undefined;
  clear(main);
  const title = t('meetings.of', { date: formatDate(meeting.date) });
  main.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/meetings' }, t('meeting.back'))),
    pageHeading(title),
    h('p', { class: 'lead' }, t('meeting.intro')),
    h('p', { class: 'actions' }, h('a', { class: 'button-link-primary', href: `#/meetings/${encodeURIComponent(meeting.id)}/minutes` }, t('meeting.toMinutes'))));

  const agenda = h('section', { class: 'panel', 'aria-labelledby': 'agenda-heading' },
    h('h2', { id: 'agenda-heading' }, t('meeting.agenda')),
    h('p', { class: 'hint' }, t('meeting.agendaHint')));
  if (!meeting.items.length) agenda.append(h('p', { class: 'empty' }, t('meeting.emptyAgenda')));
  const list = h('ol', { class: 'agenda' });
  meeting.items.forEach((item, index) => list.append(agendaItem(meeting, item, files[index], context)));
  agenda.append(list);
  main.append(agenda, addCaseForm(meeting, cases.items || [], context));
  return undefined;
}

function agendaItem(meeting, item, caseFile, context) {
  const headingId = `item-${item.caseId}`;
  const minutes = h('textarea', { name: 'minutes', rows: '5', maxlength: '20000', value: item.minutes ? item.minutes.text : '' });
  const saved = h('p', { class: 'save-state', role: 'status' },
    item.minutes ? t('meeting.savedAt', { time: formatTime(new Date(item.minutes.recordedAt)) }) : '');
  const minutesForm = h('form', { class: 'minutes-form' },
    field(t('meeting.minutesFor', { name: item.youth.displayName }), minutes, t('meeting.minutesHint')),
    h('button', { type: 'submit', class: 'button-primary' }, t('meeting.saveMinutes')),
    saved);
  minutesForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!minutes.value.trim()) {
      saved.textContent = t('meeting.minutesEmpty');
      minutes.focus();
      return;
    }
    try {
      const updated = await api(`/meetings/${encodeURIComponent(meeting.id)}/agenda-items/${encodeURIComponent(item.caseId)}/minutes`,
        { method: 'PUT', body: { text: minutes.value.trim() } });
      item.minutes = updated.minutes;
      saved.textContent = t('meeting.savedAt', { time: formatTime(new Date()) });
      removeButton.hidden = true;
    } catch (error) {
      saved.replaceChildren(errorNotice(error));
    }
  });

  const agreements = h('div', { class: 'item-agreements' });
  function drawAgreements(file) {
    const relevant = (file.agreements || []).filter((a) => a.meetingId === meeting.id || a.status !== 'done');
    clear(agreements).append(h('h4', {}, t('meeting.agreements')),
      agreementsTable(relevant, file.id, itemContext));
  }
  const itemContext = {
    ...context,
    refresh: async () => {
      const file = await api(`/cases/${encodeURIComponent(item.caseId)}`);
      drawAgreements(file);
    },
  };
  if (caseFile) drawAgreements(caseFile);

  const removeButton = h('button', {
    type: 'button', class: 'button-secondary button-small', hidden: Boolean(item.minutes),
    onclick: async () => {
      try {
        await api(`/meetings/${encodeURIComponent(meeting.id)}/agenda-items/${encodeURIComponent(item.caseId)}`, { method: 'DELETE' });
        announce(t('meeting.removed', { name: item.youth.displayName }));
        context.navigate(`#/meetings/${encodeURIComponent(meeting.id)}`);
      } catch (error) {
        removeButton.after(errorNotice(error));
      }
    },
  }, t('meeting.remove', { name: item.youth.displayName }));

  return h('li', { class: 'agenda-item' },
    h('article', { 'aria-labelledby': headingId },
      h('div', { class: 'agenda-head' },
        h('h3', { id: headingId }, h('a', { href: `#/cases/${encodeURIComponent(item.caseId)}` }, item.youth.displayName)),
        h('p', { class: 'heading-badges' },
          (item.reasons || []).map((reason) => badge(REASON_BADGE[reason] || 'neutral', label('reason', reason))),
          caseBadges({ crisis: item.crisis && !(item.reasons || []).includes('crisis'), repeat: item.repeat && !(item.reasons || []).includes('repeat') }))),
      h('p', { class: 'hint' }, t('meeting.partners', { partners: (item.partners || []).map(partnerName).join(', ') })),
      minutesForm,
      agreements,
      caseFile ? h('details', { class: 'agreement-details' },
        h('summary', {}, t('meeting.addAgreement')), agreementForm(caseFile, meeting.id, itemContext)) : null,
      h('p', { class: 'item-tools' }, removeButton)));
}

function addCaseForm(meeting, openCases, context) {
  const onAgenda = new Set(meeting.items.map((item) => item.caseId));
  const candidates = openCases.filter((item) => !onAgenda.has(item.id));
  const select = h('select', { name: 'caseId' },
    h('option', { value: '' }, t('meeting.chooseCase')),
    candidates.map((item) => h('option', { value: item.id }, `${item.youth.displayName} (${item.partners.map(partnerName).join(', ')})`)));
  const message = h('div', { class: 'action-message' });
  const form = h('form', { class: 'panel inline-form' },
    h('h2', {}, t('meeting.addCase')),
    candidates.length ? [field(t('meeting.case'), select), h('button', { type: 'submit', class: 'button-secondary' }, t('meeting.addCaseButton'))]
      : h('p', { class: 'empty' }, t('meeting.noMoreCases')),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    if (!requireFilled(message, [[select, t('meeting.case')]])) return;
    try {
      await api(`/meetings/${encodeURIComponent(meeting.id)}/agenda-items`, { method: 'POST', body: { caseId: select.value } });
      announce(t('meeting.caseAdded'));
      context.navigate(`#/meetings/${encodeURIComponent(meeting.id)}`);
    } catch (error) {
      message.append(errorNotice(error));
    }
  });
  return form;
}
