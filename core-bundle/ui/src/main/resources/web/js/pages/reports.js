// Recurrence: how many closed cases came back within 12 months, period by period, as a chart
// (with the same numbers as a table), and the repeats of the whole period with the care that
// preceded them.
import { h, clear } from '../dom.js';
import { t, formatDate, formatShortDate, formatMonth, formatPercent, today } from '../i18n.js';
import { api, optional } from '../api.js';
import { pageHeading, notAvailable, errorNotice, partnerName, field, loading, badge } from '../ui.js';
import { recurrenceChart } from '../chart.js';

function addMonths(iso, months) {
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1 + months, Math.min(day, 28)));
  return date.toISOString().slice(0, 10);
}

function firstOfMonth(iso) {
  return `${iso.slice(0, 7)}-01`;
}

function dayBefore(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** The periods between two days: whole months, quarters or years (the last one up to `to`). */
export function periods(from, to, step) {
  const months = { month: 1, quarter: 3, year: 12 }[step] || 1;
  const result = [];
  let start = firstOfMonth(from);
  while (start <= to && result.length < 60) {
    const next = addMonths(start, months);
    const end = dayBefore(next) < to ? dayBefore(next) : to;
    result.push({ from: start < from ? from : start, to: end, label: step === 'year' ? start.slice(0, 4) : formatMonth(start) });
    start = next;
  }
  return result;
}

export async function render(main, params, context) {
  const query = context.query;
  const to = query.get('to') || today();
  const from = query.get('from') || firstOfMonth(addMonths(to, -11));
  const step = query.get('step') || 'month';
  main.append(pageHeading(t('reports.title')), h('p', { class: 'lead' }, t('reports.intro')));

  const fromInput = h('input', { type: 'date', name: 'from', value: from, required: true });
  const toInput = h('input', { type: 'date', name: 'to', value: to, required: true });
  const stepSelect = h('select', { name: 'step' }, ['month', 'quarter', 'year'].map((code) =>
    h('option', { value: code, selected: code === step }, t(`reports.step.${code}`))));
  const form = h('form', { class: 'filters' },
    field(t('reports.from'), fromInput), field(t('reports.to'), toInput), field(t('reports.step'), stepSelect),
    h('button', { type: 'submit', class: 'button-primary' }, t('reports.show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams({ from: fromInput.value, to: toInput.value, step: stepSelect.value });
    context.navigate(`#/reports?${next}`);
  });
  const results = h('div', {}, loading());
  main.append(form, results);

  const whole = await optional(`/reports/recurrence?from=${from}&to=${to}`);
  if (!context.isCurrent()) return undefined;
  if (!whole.available) {
    clear(results).append(notAvailable(t('reports.title')));
    return undefined;
  }
  let series;
  try {
    const list = periods(from, to, step);
    const reports = await Promise.all(list.map((period) => api(`/reports/recurrence?from=${period.from}&to=${period.to}`)));
    series = list.map((period, index) => ({ ...period, closed: reports[index].closedCases, repeats: reports[index].repeats, rate: reports[index].repeatRate }));
  } catch (error) {
    clear(results).append(errorNotice(error));
    return undefined;
  }
  if (!context.isCurrent()) return undefined;
  const report = whole.data;
  clear(results).append(
    h('section', { class: 'panel', 'aria-labelledby': 'totals-heading' },
      h('h2', { id: 'totals-heading' }, t('reports.totals', { from: formatDate(from), to: formatDate(to) })),
      h('dl', { class: 'facts totals' },
        h('div', {}, h('dt', {}, t('reports.closedCases')), h('dd', {}, String(report.closedCases))),
        h('div', {}, h('dt', {}, t('reports.repeats')), h('dd', {}, String(report.repeats))),
        h('div', {}, h('dt', {}, t('reports.repeatRate')), h('dd', {}, formatPercent(report.repeatRate))))),
    h('section', { class: 'panel', 'aria-labelledby': 'chart-heading' },
      h('h2', { id: 'chart-heading' }, t('reports.overTime')),
      h('figure', { class: 'chart-figure' }, recurrenceChart(series), h('figcaption', { class: 'hint' }, t('reports.chartCaption'))),
      h('details', {}, h('summary', {}, t('reports.asTable')), seriesTable(series))),
    h('section', { class: 'panel', 'aria-labelledby': 'repeats-heading' },
      h('h2', { id: 'repeats-heading' }, t('reports.repeatList')),
      repeatsTable(report.items || [])));
  return undefined;
}

function seriesTable(series) {
  return h('table', { class: 'data-table' },
    h('caption', {}, t('reports.tableCaption')),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('reports.period')),
      h('th', { scope: 'col', class: 'number' }, t('reports.closedCases')),
      h('th', { scope: 'col', class: 'number' }, t('reports.repeats')),
      h('th', { scope: 'col', class: 'number' }, t('reports.repeatRate')))),
    h('tbody', {}, series.map((period) => h('tr', {},
      h('th', { scope: 'row' }, `${period.label} (${formatShortDate(period.from)} – ${formatShortDate(period.to)})`),
      h('td', { class: 'number' }, String(period.closed)),
      h('td', { class: 'number' }, String(period.repeats)),
      h('td', { class: 'number' }, period.closed ? formatPercent(period.rate) : '–')))));
}

function repeatsTable(items) {
  if (!items.length) return h('p', { class: 'empty' }, t('reports.noRepeats'));
  return h('table', { class: 'data-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('reports.col.youth')),
      h('th', { scope: 'col' }, t('reports.col.closed')),
      h('th', { scope: 'col' }, t('reports.col.back')),
      h('th', { scope: 'col' }, t('reports.col.trajectories')))),
    h('tbody', {}, items.map((item) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/cases/${encodeURIComponent(item.caseId)}` }, item.youth.displayName)),
      h('td', {}, formatShortDate(item.closedOn), item.closeReason ? h('span', { class: 'block hint' }, item.closeReason) : null),
      h('td', {}, t('reports.daysAfter', { days: item.daysAfterClosing, date: formatShortDate(item.openedOn) })),
      h('td', {}, (item.trajectories || []).length ? h('ul', { class: 'plain-list' }, item.trajectories.map((trajectory) => h('li', {},
        `${partnerName(trajectory.partner)}: ${trajectory.kind} (${formatShortDate(trajectory.startedOn)}${trajectory.endedOn ? ` – ${formatShortDate(trajectory.endedOn)}` : ''})`,
        trajectory.endedEarly ? [' ', badge('early', t('badge.endedEarly'))] : null))) : t('reports.noTrajectories'))))));
}
