// One case: who, what the partners reported, the timeline as a picture (and as a table), the
// signals that came before the first intervention, the crisis path, the agreements, and the
// table's minutes.
import { h, clear, announce } from '../dom.js';
import { t, label, formatDate, formatShortDate, today, ageOn } from '../i18n.js';
import { api, optional, ApiError } from '../api.js';
import { may } from '../session.js';
import {
  pageHeading, caseBadges, statusBadge, badge, partnerName, notAvailable, errorNotice, field, loading,
  partnerSelect, KNOWN_PARTNERS, requireFilled,
} from '../ui.js';
import { mountTimeline, timelineLegend, timelineTable } from '../timeline.js';
import { crisisPanel } from '../crisis.js';
import { refreshAlerts } from '../alerts.js';

export async function render(main, [caseId], context) {
  main.append(pageHeading(t('case.loadingTitle')), loading());
  await show(main, caseId, context);
  return undefined;
}

/** Loads the case and draws it; after a change on the page, `focusId` names where the focus goes. */
async function show(main, caseId, context, focusId) {
  // after an acknowledgement the case is read again, and the coordinator's banner too
  const again = () => show(main, caseId, context, 'crisis-heading').then(() => refreshAlerts());
  let caseFile;
  try {
    caseFile = await api(`/cases/${encodeURIComponent(caseId)}`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
      clear(main).append(pageHeading(t('case.unavailableTitle')),
        h('p', { class: 'notice notice-error', role: 'alert' }, t('case.unavailable')),
        h('p', {}, h('a', { href: '#/cases' }, t('case.backToList'))));
      if (focusId) document.getElementById(focusId)?.focus();
      return;
    }
    throw error;
  }
  const [timeline, missed] = await Promise.all([
    optional(`/cases/${encodeURIComponent(caseId)}/timeline`),
    optional(`/cases/${encodeURIComponent(caseId)}/missed-signals`),
  ]);
  if (!context.isCurrent()) return;
  clear(main);
  draw(main, caseFile, timeline, missed, context, again);
  if (focusId) document.getElementById(focusId)?.focus();
}

function draw(main, caseFile, timeline, missed, context, onAcknowledged) {
  const day = today();
  const youth = caseFile.youth;
  main.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/cases' }, t('case.backToList'))),
    pageHeading(youth.displayName, h('p', { class: 'heading-badges' }, statusBadge(caseFile.status), caseBadges(caseFile))),
    h('dl', { class: 'facts' },
      fact(t('case.birthDate'), `${formatDate(youth.birthDate)} (${t('case.age', { age: ageOn(youth.birthDate, day) })})`),
      fact(t('case.openedOn'), formatDate(caseFile.openedOn)),
      caseFile.closedOn ? fact(t('case.closedOn'), `${formatDate(caseFile.closedOn)}${caseFile.closeReason ? ` — ${caseFile.closeReason}` : ''}`) : null,
      fact(t('case.partners'), caseFile.partners.map((p) => partnerName(p)).join(', ')),
      caseFile.repeatOf ? fact(t('case.repeatOf'), h('a', { href: `#/cases/${encodeURIComponent(caseFile.repeatOf)}` }, t('case.previousCase'))) : null));

  if (may.runTable()) main.append(lifeActions(caseFile, context));
  const crisis = crisisPanel(caseFile, onAcknowledged);
  if (crisis) main.append(crisis);

  const missedData = missed.available ? missed.data : null;
  const pictureHolder = h('div', { class: 'timeline-scroll' });
  const picture = h('section', { class: 'panel timeline-panel', 'aria-labelledby': 'timeline-heading' },
    h('h2', { id: 'timeline-heading' }, t('case.timeline')),
    h('figure', { class: 'timeline-figure' },
      pictureHolder,
      h('figcaption', {}, timelineLegend())),
    h('details', { class: 'timeline-details' },
      h('summary', {}, t('case.timelineAsTable')),
      timeline.available ? timelineTable(timeline.data.entries || []) : notAvailable(t('case.timeline'))));
  const missedPanel = h('aside', { class: 'panel missed-panel', 'aria-labelledby': 'missed-heading' },
    h('h2', { id: 'missed-heading' }, t('missed.title')),
    missed.available ? missedSignals(missedData) : notAvailable(t('missed.title')));
  main.append(h('div', { class: 'case-grid' }, picture, missedPanel));
  mountTimeline(pictureHolder, caseFile, missedData, day);

  main.append(agreementsSection(caseFile, context));
  main.append(meetingsSection(caseFile));
  main.append(reportedSection(caseFile));
}

function fact(term, description) {
  return h('div', {}, h('dt', {}, term), h('dd', {}, description));
}

function missedList(signals, daysKey = 'missed.daysBefore') {
  return h('ol', { class: 'missed-list' }, signals.map((signal) => h('li', {},
    h('p', { class: 'missed-head' },
      h('strong', {}, formatDate(signal.observedOn)), ' · ', partnerName(signal.partner),
      signal.urgency === 'crisis' ? [' ', badge('crisis', t('badge.crisis'))] : null),
    h('p', {}, label('category', signal.category), signal.summary ? `: ${signal.summary}` : ''),
    signal.daysBeforeIntervention !== undefined && signal.daysBeforeIntervention !== null
      ? h('p', { class: 'hint' }, t(daysKey, { days: signal.daysBeforeIntervention })) : null)));
}

function sameIntervention(a, b) {
  return a && b && a.date === b.date && a.kind === b.kind && a.partner === b.partner;
}

function missedSignals(result) {
  const signals = result.signals || [];
  const parts = [];
  if (result.firstIntervention) {
    parts.push(h('p', {}, t('missed.firstIntervention', {
      date: formatDate(result.firstIntervention.date),
      kind: label('timelineKind', result.firstIntervention.kind),
      partner: partnerName(result.firstIntervention.partner),
    })));
  } else {
    parts.push(h('p', {}, t('missed.noIntervention')));
  }
  if (!signals.length) {
    parts.push(h('p', { class: 'empty' }, t('missed.none')));
  } else {
    parts.push(missedList(signals));
  }
  // the fuller question: what came before the first care that did not end early
  const lasting = result.firstLastingIntervention;
  if (lasting && !sameIntervention(lasting, result.firstIntervention)) {
    const shown = new Set(signals.map((signal) => signal.id));
    const more = (result.signalsBeforeLastingIntervention || []).filter((signal) => !shown.has(signal.id));
    parts.push(h('h3', {}, t('missed.lastingTitle')),
      h('p', {}, t('missed.lasting', { date: formatDate(lasting.date), kind: label('timelineKind', lasting.kind), partner: partnerName(lasting.partner) })),
      more.length ? missedList(more, 'missed.daysBeforeLasting') : h('p', { class: 'empty' }, t('missed.noMoreBeforeLasting')));
  }
  const early = result.careEndedEarly || [];
  if (early.length) {
    parts.push(h('h3', {}, t('missed.endedEarly')),
      h('ul', {}, early.map((item) => h('li', {}, t('missed.endedEarlyItem', {
        date: formatDate(item.date), partner: partnerName(item.partner), what: item.summary || '' })))));
  }
  return parts;
}

function lifeActions(caseFile, context) {
  const message = h('div', { class: 'action-message' });
  const reason = h('input', { type: 'text', name: 'reason', maxlength: '500', required: caseFile.status === 'open' });
  const closing = caseFile.status === 'open';
  const form = h('form', { class: 'inline-form' },
    field(closing ? t('case.closeReason') : t('case.reopenReason'), reason),
    h('button', { type: 'submit', class: closing ? 'button-secondary' : 'button-primary' }, closing ? t('case.close') : t('case.reopen')),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    if (closing && !requireFilled(message, [[reason, t('case.closeReason')]])) return;
    try {
      await api(`/cases/${encodeURIComponent(caseFile.id)}/${closing ? 'close' : 'reopen'}`, {
        method: 'POST', body: reason.value.trim() ? { reason: reason.value.trim() } : {},
      });
      announce(closing ? t('case.closed') : t('case.reopened'));
      context.navigate(`#/cases/${encodeURIComponent(caseFile.id)}`);
    } catch (error) {
      message.append(error.missingEndpoint ? notAvailable(closing ? t('case.close') : t('case.reopen')) : errorNotice(error));
    }
  });
  return h('details', { class: 'panel life-actions' },
    h('summary', {}, closing ? t('case.closeSummary') : t('case.reopenSummary')), form);
}

function agreementsSection(caseFile, context) {
  const agreements = caseFile.agreements || [];
  const section = h('section', { class: 'panel', 'aria-labelledby': 'agreements-heading' },
    h('h2', { id: 'agreements-heading' }, t('agreements.title')));
  section.append(agreementsTable(agreements, caseFile.id, context));
  if (may.runTable()) section.append(agreementForm(caseFile, null, context));
  return section;
}

/** The agreements of a case, with "done" for whoever may finish them. */
export function agreementsTable(agreements, caseId, context, { meetingId } = {}) {
  const list = meetingId ? agreements.filter((a) => a.meetingId === meetingId) : agreements;
  if (!list.length) return h('p', { class: 'empty' }, t('agreements.none'));
  return h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, t('agreements.title')),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('agreements.col.description')),
      h('th', { scope: 'col' }, t('agreements.col.owner')),
      h('th', { scope: 'col' }, t('agreements.col.due')),
      h('th', { scope: 'col' }, t('agreements.col.status')),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('agreements.col.action'))))),
    h('tbody', {}, list.map((agreement) => h('tr', {},
      h('td', {}, agreement.description),
      h('td', {}, partnerName(agreement.ownerPartner)),
      h('td', { class: 'nowrap' }, formatShortDate(agreement.dueDate)),
      h('td', {}, agreement.status === 'done'
        ? badge('done', t('agreements.done', { date: agreement.doneOn ? formatShortDate(agreement.doneOn) : '' }).trim())
        : agreement.overdue ? badge('overdue', t('badge.overdue')) : badge('open', t('agreements.open'))),
      h('td', {}, agreement.status !== 'done' && may.finishAgreement(agreement.ownerPartner)
        ? h('button', {
          type: 'button', class: 'button-small',
          'aria-label': t('agreements.markDoneLabel', { description: agreement.description }),
          onclick: async (event) => {
            const button = event.currentTarget;
            button.disabled = true;
            try {
              await api(`/agreements/${encodeURIComponent(agreement.id)}`, { method: 'PATCH', body: { status: 'done' } });
              announce(t('agreements.markedDone'));
              context.refresh ? context.refresh() : context.navigate(`#/cases/${encodeURIComponent(caseId)}`);
            } catch (error) {
              button.disabled = false;
              button.after(errorNotice(error));
            }
          },
        }, t('agreements.markDone')) : null)))));
}

/** Make an agreement on a case, at a meeting or outside one. */
export function agreementForm(caseFile, meetingId, context) {
  const description = h('textarea', { name: 'description', rows: '2', maxlength: '2000', required: true });
  const owners = [...new Set([...(caseFile.partners || []), ...KNOWN_PARTNERS])];
  const owner = partnerSelect(owners, { name: 'ownerPartner', required: true }, t('agreements.chooseOwner'));
  const due = h('input', { type: 'date', name: 'dueDate', required: true, min: today() });
  const message = h('div', { class: 'action-message' });
  const form = h('form', { class: 'agreement-form' },
    h('fieldset', {}, h('legend', {}, meetingId
      ? t('agreements.newFor', { name: caseFile.youth.displayName }) : t('agreements.new')),
    field(t('agreements.description'), description),
    h('div', { class: 'field-row' }, field(t('agreements.owner'), owner), field(t('agreements.dueDate'), due, t('agreements.dueHint'))),
    h('button', { type: 'submit', class: 'button-primary' }, t('agreements.add')),
    message));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    if (!requireFilled(message, [[description, t('agreements.description')], [owner, t('agreements.owner')],
      [due, t('agreements.dueDate')]])) return;
    try {
      const body = { description: description.value.trim(), ownerPartner: owner.value, dueDate: due.value };
      if (meetingId) body.meetingId = meetingId;
      await api(`/cases/${encodeURIComponent(caseFile.id)}/agreements`, { method: 'POST', body });
      announce(t('agreements.added'));
      description.value = '';
      if (context.refresh) context.refresh();
      else context.navigate(`#/cases/${encodeURIComponent(caseFile.id)}`);
    } catch (error) {
      message.append(error.missingEndpoint ? notAvailable(t('agreements.title')) : errorNotice(error));
    }
  });
  return form;
}

function meetingsSection(caseFile) {
  const meetings = caseFile.meetings || [];
  return h('section', { class: 'panel', 'aria-labelledby': 'case-meetings-heading' },
    h('h2', { id: 'case-meetings-heading' }, t('case.meetings')),
    meetings.length ? h('ul', { class: 'plain-list' }, meetings.map((meeting) => h('li', {},
      h('p', {}, h('strong', {}, formatDate(meeting.date)), ' · ',
        (meeting.reasons || []).map((reason) => label('reason', reason)).join(', '),
        may.runTable() ? [' · ', h('a', { href: `#/meetings/${encodeURIComponent(meeting.id)}` }, t('case.openMeeting'))] : null),
      meeting.minutes ? h('p', { class: 'minutes-text' }, meeting.minutes.text) : h('p', { class: 'hint' }, t('case.noMinutes')))))
      : h('p', { class: 'empty' }, t('case.noMeetings')));
}

function reportedSection(caseFile) {
  const signals = caseFile.signals || [];
  const trajectories = caseFile.trajectories || [];
  const measures = caseFile.measures || [];
  return h('section', { class: 'panel', 'aria-labelledby': 'reported-heading' },
    h('h2', { id: 'reported-heading' }, t('case.reported')),
    h('h3', {}, t('case.signals')),
    signals.length ? h('ul', { class: 'plain-list' }, signals.map((signal) => h('li', {},
      h('strong', {}, formatShortDate(signal.observedOn)), ' · ', partnerName(signal.partner), ' · ', label('category', signal.category),
      signal.urgency === 'crisis' ? [' ', badge('crisis', t('badge.crisis'))] : null,
      signal.summary ? h('span', { class: 'block' }, signal.summary) : null))) : h('p', { class: 'empty' }, t('case.none')),
    h('h3', {}, t('case.trajectories')),
    trajectories.length ? h('ul', { class: 'plain-list' }, trajectories.map((trajectory) => h('li', {},
      h('strong', {}, `${formatShortDate(trajectory.startedOn)} – ${trajectory.endedOn ? formatShortDate(trajectory.endedOn) : t('case.ongoing')}`),
      ' · ', partnerName(trajectory.partner), ' · ', trajectory.kind,
      trajectory.endedEarly ? [' ', badge('early', t('badge.endedEarly'))] : null,
      trajectory.endingReason ? h('span', { class: 'block hint' }, t('case.endingReason', { reason: trajectory.endingReason })) : null)))
      : h('p', { class: 'empty' }, t('case.none')),
    h('h3', {}, t('case.measures')),
    measures.length ? h('ul', { class: 'plain-list' }, measures.map((measure) => h('li', {},
      h('strong', {}, `${formatShortDate(measure.startsOn)} – ${measure.endsOn ? formatShortDate(measure.endsOn) : t('case.ongoing')}`),
      ' · ', partnerName(measure.partner), ' · ', label('measure', measure.kind)))) : h('p', { class: 'empty' }, t('case.none')));
}
