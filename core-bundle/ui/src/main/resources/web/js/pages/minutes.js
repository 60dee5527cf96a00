// The minutes of a meeting as a page to print (or to save as PDF from the print dialog).
import { h, clear } from '../dom.js';
import { t, label, formatDate, formatShortDate, formatDateTime } from '../i18n.js';
import { api } from '../api.js';
import { pageHeading, partnerName, loading } from '../ui.js';

export async function render(main, [meetingId], context) {
  main.append(pageHeading(t('minutes.title')), loading());
  const meeting = await api(`/meetings/${encodeURIComponent(meetingId)}`);
  const files = await Promise.all(meeting.items.map((item) => api(`/cases/${encodeURIComponent(item.caseId)}`).catch(() => null)));
  if (!context.isCurrent()) return undefined;
  clear(main);
  main.append(
    h('p', { class: 'breadcrumb no-print' }, h('a', { href: `#/meetings/${encodeURIComponent(meeting.id)}` }, t('minutes.back'))),
    h('div', { class: 'minutes-page' },
      h('p', { class: 'confidential' }, t('minutes.confidential')),
      pageHeading(t('minutes.heading', { date: formatDate(meeting.date) })),
      h('p', { class: 'lead' }, t('minutes.intro')),
      h('p', { class: 'no-print actions' },
        h('button', { type: 'button', class: 'button-primary', onclick: () => window.print() }, t('minutes.print'))),
      h('ol', { class: 'minutes-list' }, meeting.items.map((item, index) => {
        const agreements = files[index] ? (files[index].agreements || []).filter((a) => a.meetingId === meeting.id) : [];
        return h('li', {},
          h('h2', {}, item.youth.displayName, h('span', { class: 'minutes-born' }, ` (${t('minutes.born', { date: formatShortDate(item.youth.birthDate) })})`)),
          h('p', { class: 'hint' }, t('minutes.reasons', { reasons: (item.reasons || []).map((r) => label('reason', r)).join(', ') }),
            ' · ', t('meeting.partners', { partners: (item.partners || []).map(partnerName).join(', ') })),
          item.minutes ? h('p', { class: 'minutes-text' }, item.minutes.text) : h('p', { class: 'empty' }, t('minutes.noMinutes')),
          item.minutes ? h('p', { class: 'hint' }, t('minutes.recorded', { by: item.minutes.recordedBy, at: formatDateTime(item.minutes.recordedAt) })) : null,
          h('h3', {}, t('minutes.agreements')),
          agreements.length ? h('table', { class: 'data-table' },
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col' }, t('agreements.col.description')),
              h('th', { scope: 'col' }, t('agreements.col.owner')),
              h('th', { scope: 'col' }, t('agreements.col.due')))),
            h('tbody', {}, agreements.map((a) => h('tr', {},
              h('td', {}, a.description), h('td', {}, partnerName(a.ownerPartner)), h('td', { class: 'nowrap' }, formatShortDate(a.dueDate))))))
            : h('p', { class: 'empty' }, t('minutes.noAgreements')));
      })),
      h('p', { class: 'hint printed-on' }, t('minutes.printedOn', { at: formatDateTime(new Date().toISOString()) }))));
  return undefined;
}
