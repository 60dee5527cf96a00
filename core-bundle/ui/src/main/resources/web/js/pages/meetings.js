// The table's meetings: plan the next one (the platform proposes its agenda) or open one.
import { h, announce } from '../dom.js';
import { t, formatDate, plural, today } from '../i18n.js';
import { api, optional } from '../api.js';
import { pageHeading, notAvailable, errorNotice, field, loading, requireFilled } from '../ui.js';

export async function render(main, params, context) {
  main.append(pageHeading(t('meetings.title')), loading());
  const meetings = await optional('/meetings');
  if (!context.isCurrent()) return undefined;
  main.querySelector('.loading').remove();

  const date = h('input', { type: 'date', name: 'date', required: true, value: nextMeetingDay() });
  const message = h('div', { class: 'action-message' });
  const form = h('form', { class: 'panel inline-form' },
    h('h2', {}, t('meetings.plan')),
    h('p', { class: 'hint' }, t('meetings.planHint')),
    field(t('meetings.date'), date),
    h('button', { type: 'submit', class: 'button-primary' }, t('meetings.create')),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    if (!requireFilled(message, [[date, t('meetings.date')]])) return;
    try {
      const created = await api('/meetings', { method: 'POST', body: { date: date.value } });
      announce(t('meetings.created', { date: formatDate(created.date) }));
      context.navigate(`#/meetings/${encodeURIComponent(created.id)}`);
    } catch (error) {
      message.append(error.missingEndpoint ? notAvailable(t('meetings.title')) : errorNotice(error));
    }
  });
  main.append(form);

  const list = h('section', { class: 'panel', 'aria-labelledby': 'meeting-list-heading' },
    h('h2', { id: 'meeting-list-heading' }, t('meetings.list')));
  if (!meetings.available) {
    list.append(notAvailable(t('meetings.list')));
  } else if (!(meetings.data.items || []).length) {
    list.append(h('p', { class: 'empty' }, t('meetings.none')));
  } else {
    list.append(h('ul', { class: 'meeting-list' }, meetings.data.items.map((meeting) => h('li', {},
      h('a', { href: `#/meetings/${encodeURIComponent(meeting.id)}` }, t('meetings.of', { date: formatDate(meeting.date) })),
      ' · ', plural('meetings.items', (meeting.items || []).length),
      ' · ', plural('meetings.minuted', (meeting.items || []).filter((item) => item.minutes).length)))));
  }
  main.append(list);
  return undefined;
}

/** The first Thursday of next month: when the table usually meets. */
function nextMeetingDay() {
  const [year, month] = today().split('-').map(Number);
  const first = new Date(Date.UTC(year, month, 1));
  const offset = (4 - first.getUTCDay() + 7) % 7;
  first.setUTCDate(1 + offset);
  return first.toISOString().slice(0, 10);
}
