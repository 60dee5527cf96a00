// The cases the person may see, with filters that stay in the address (so a filtered list
// can be bookmarked) and a search by name that never leaves the browser.
import { h, clear } from '../dom.js';
import { t, label, plural, formatShortDate } from '../i18n.js';
import { api, optional } from '../api.js';
import { pageHeading, caseBadges, statusBadge, badge, partnerName, field, checkbox, loading } from '../ui.js';

function normalise(text) {
  return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export async function render(main, params, context) {
  main.append(pageHeading(t('cases.title')), loading());
  const [cases, overdue] = await Promise.all([
    api('/cases'),
    optional('/agreements?status=overdue'),
  ]);
  if (!context.isCurrent()) return undefined;
  const items = cases.items || [];
  const overdueCases = new Set(overdue.available ? (overdue.data.items || []).map((a) => a.caseId) : []);
  const partners = [...new Set(items.flatMap((item) => item.partners))].sort();
  const query = context.query;

  const search = h('input', { type: 'search', name: 'q', value: query.get('q') || '', autocomplete: 'off' });
  const status = h('select', { name: 'status' },
    ['', 'open', 'closed'].map((code) => h('option', { value: code, selected: (query.get('status') || '') === code },
      code ? label('caseStatus', code) : t('cases.filter.allStatuses'))));
  const partner = h('select', { name: 'partner' },
    h('option', { value: '' }, t('cases.filter.allPartners')),
    partners.map((id) => h('option', { value: id, selected: query.get('partner') === id }, partnerName(id))));
  const crisis = checkbox(t('cases.filter.crisis'), { name: 'crisis', checked: query.get('crisis') === '1' });
  const repeat = checkbox(t('cases.filter.repeat'), { name: 'repeat', checked: query.get('repeat') === '1' });
  const overdueBox = checkbox(t('cases.filter.overdue'), {
    name: 'overdue', checked: overdue.available && query.get('overdue') === '1', disabled: !overdue.available,
    'aria-describedby': overdue.available ? null : 'overdue-pending',
  });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('cases.filter.label') },
    field(t('cases.filter.search'), search, t('cases.filter.searchHint')),
    field(t('cases.filter.status'), status),
    field(t('cases.filter.partner'), partner),
    h('fieldset', { class: 'checks' }, h('legend', {}, t('cases.filter.only')),
      crisis, repeat, overdueBox,
      overdue.available ? null : h('p', { class: 'hint', id: 'overdue-pending' }, t('cases.filter.overduePending'))));
  form.addEventListener('submit', (event) => event.preventDefault());

  const count = h('p', { class: 'result-count', role: 'status', 'aria-live': 'polite' });
  const body = h('tbody');
  const table = h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, t('cases.tableCaption')),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('cases.col.youth')),
      h('th', { scope: 'col' }, t('cases.col.birthDate')),
      h('th', { scope: 'col' }, t('cases.col.status')),
      h('th', { scope: 'col' }, t('cases.col.partners')),
      h('th', { scope: 'col' }, t('cases.col.openedOn')),
      h('th', { scope: 'col' }, t('cases.col.marks')))),
    body);

  function selected() {
    return {
      q: search.value.trim(),
      status: status.value,
      partner: partner.value,
      crisis: crisis.querySelector('input').checked,
      repeat: repeat.querySelector('input').checked,
      overdue: overdueBox.querySelector('input').checked,
    };
  }

  function update() {
    const chosen = selected();
    const needle = normalise(chosen.q);
    const shown = items.filter((item) => (!needle || normalise(item.youth.displayName).includes(needle))
      && (!chosen.status || item.status === chosen.status)
      && (!chosen.partner || item.partners.includes(chosen.partner))
      && (!chosen.crisis || item.crisis)
      && (!chosen.repeat || item.repeat)
      && (!chosen.overdue || overdueCases.has(item.id)));
    clear(body).append(...shown.map((item) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/cases/${encodeURIComponent(item.id)}` }, item.youth.displayName)),
      h('td', {}, formatShortDate(item.youth.birthDate)),
      h('td', {}, statusBadge(item.status)),
      h('td', {}, item.partners.map(partnerName).join(', ')),
      h('td', {}, formatShortDate(item.openedOn)),
      h('td', {}, h('div', { class: 'marks' }, caseBadges(item), overdueCases.has(item.id) ? badge('overdue', t('badge.overdue')) : null)))));
    if (!shown.length) {
      body.append(h('tr', {}, h('td', { colspan: '6', class: 'empty' }, items.length ? t('cases.noneMatch') : t('cases.none'))));
    }
    count.textContent = plural('cases.count', shown.length);
    const state = new URLSearchParams();
    if (chosen.q) state.set('q', chosen.q);
    for (const key of ['status', 'partner']) if (chosen[key]) state.set(key, chosen[key]);
    for (const key of ['crisis', 'repeat', 'overdue']) if (chosen[key]) state.set(key, '1');
    const hash = `#/cases${state.toString() ? `?${state}` : ''}`;
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  main.querySelector('.loading').remove();
  main.append(form, count, h('div', { class: 'table-scroll' }, table));
  update();
  return undefined;
}
