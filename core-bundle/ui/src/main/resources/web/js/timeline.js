// The case's history as a picture: one lane per partner (and one for the table), signals as
// markers (a crisis is a red triangle, a normal signal a blue circle: shape and colour),
// trajectories and measures as bars (an early ending gets a red cap and a cross), meetings
// and agreements as their own shapes. The same entries are offered as a table beside it.
import { h, s, uid } from './dom.js';
import { t, label, formatDate, formatShortDate, plural } from './i18n.js';
import { partnerName } from './ui.js';

const MIN_WIDTH = 640;
const LABEL_WIDTH = 92;
const RIGHT_PAD = 24;
const AXIS_HEIGHT = 34;
const MARKER_ROW = 26;
const BAR_ROW = 17;
const LANE_PAD = 10;
const TABLE_LANE = '__table__';
const DAY = 86400000;

function time(iso) {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/** Everything the case holds, as shapes to draw, each in a partner's lane. */
function shapesOf(caseFile, today) {
  const shapes = [];
  for (const signal of caseFile.signals || []) {
    shapes.push({ type: signal.urgency === 'crisis' ? 'crisis' : 'signal', lane: signal.partner, at: signal.observedOn,
      title: t(signal.urgency === 'crisis' ? 'timeline.tip.crisis' : 'timeline.tip.signal', {
        partner: partnerName(signal.partner), date: formatDate(signal.observedOn), category: label('category', signal.category),
      }) + (signal.summary ? ` — ${signal.summary}` : '') });
  }
  for (const trajectory of caseFile.trajectories || []) {
    const ended = Boolean(trajectory.endedOn);
    shapes.push({ type: 'trajectory', lane: trajectory.partner, from: trajectory.startedOn, to: trajectory.endedOn || today,
      ongoing: !ended, early: Boolean(trajectory.endedEarly), text: trajectory.kind,
      title: t(ended ? (trajectory.endedEarly ? 'timeline.tip.trajectoryEarly' : 'timeline.tip.trajectoryEnded') : 'timeline.tip.trajectoryOngoing', {
        partner: partnerName(trajectory.partner), kind: trajectory.kind, from: formatDate(trajectory.startedOn),
        to: ended ? formatDate(trajectory.endedOn) : '', reason: trajectory.endingReason || '',
      }) });
  }
  for (const measure of caseFile.measures || []) {
    shapes.push({ type: 'measure', lane: measure.partner, from: measure.startsOn, to: measure.endsOn || today,
      ongoing: !measure.endsOn, text: label('measure', measure.kind),
      title: t(measure.endsOn ? 'timeline.tip.measure' : 'timeline.tip.measureOngoing', {
        partner: partnerName(measure.partner), kind: label('measure', measure.kind), from: formatDate(measure.startsOn),
        to: measure.endsOn ? formatDate(measure.endsOn) : '',
      }) });
  }
  for (const investigation of caseFile.investigations || []) {
    shapes.push({ type: 'investigation', lane: investigation.partner, at: investigation.startedOn,
      title: t('timeline.tip.investigation', { partner: partnerName(investigation.partner), date: formatDate(investigation.startedOn) })
        + (investigation.reason ? ` — ${investigation.reason}` : '') });
  }
  for (const advice of caseFile.advice || []) {
    shapes.push({ type: 'advice', lane: advice.partner, at: advice.givenOn,
      title: t('timeline.tip.advice', { partner: partnerName(advice.partner), date: formatDate(advice.givenOn), advised: label('measure', advice.advised) }) });
  }
  for (const meeting of caseFile.meetings || []) {
    shapes.push({ type: 'meeting', lane: TABLE_LANE, at: meeting.date,
      title: t('timeline.tip.meeting', { date: formatDate(meeting.date) }) + (meeting.minutes ? ` — ${meeting.minutes.text}` : '') });
  }
  for (const agreement of caseFile.agreements || []) {
    const state = agreement.status === 'done' ? 'done' : agreement.overdue ? 'overdue' : 'open';
    shapes.push({ type: 'agreement', state, lane: agreement.ownerPartner, at: agreement.dueDate,
      title: t(`timeline.tip.agreement.${state}`, { partner: partnerName(agreement.ownerPartner), date: formatDate(agreement.dueDate) })
        + ` — ${agreement.description}` });
  }
  return shapes;
}

function lanesOf(caseFile, shapes) {
  const first = new Map();
  for (const shape of shapes) {
    if (shape.lane === TABLE_LANE) continue;
    const at = shape.at || shape.from;
    if (!first.has(shape.lane) || at < first.get(shape.lane)) first.set(shape.lane, at);
  }
  for (const partner of caseFile.partners || []) if (!first.has(partner)) first.set(partner, '9999-12-31');
  const lanes = [...first.entries()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0])).map(([id]) => id);
  lanes.push(TABLE_LANE);
  return lanes;
}

function niceRange(shapes, today) {
  const dates = shapes.flatMap((shape) => [shape.at, shape.from, shape.to]).filter(Boolean).map(time);
  dates.push(time(today));
  let min = Math.min(...dates);
  let max = Math.max(...dates);
  if (max - min < 60 * DAY) {
    min -= 30 * DAY;
    max += 30 * DAY;
  }
  const pad = (max - min) * 0.03;
  return { min: min - pad, max: max + pad };
}

function ticks(range) {
  const result = [];
  const start = new Date(range.min);
  const years = (range.max - range.min) / (365 * DAY);
  const stepMonths = years > 8 ? 24 : years > 3 ? 12 : years > 1.5 ? 6 : years > 0.5 ? 3 : 1;
  let cursor = Date.UTC(start.getUTCFullYear(), 0, 1);
  while (cursor <= range.max) {
    if (cursor >= range.min) result.push(cursor);
    const date = new Date(cursor);
    cursor = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + stepMonths, 1);
  }
  return { list: result, monthly: stepMonths < 12 };
}

/** Bars in a lane on as few rows as they fit without overlapping. */
function assignRows(bars, x) {
  const rowEnds = [];
  for (const bar of bars.sort((a, b) => a.from.localeCompare(b.from))) {
    const start = x(time(bar.from));
    let row = rowEnds.findIndex((end) => end + 4 < start);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = x(time(bar.to)) + 8;
    bar.row = row;
  }
  return Math.max(rowEnds.length, 1);
}

function marker(shape, cx, cy) {
  const title = s('title', {}, shape.title);
  switch (shape.type) {
    case 'crisis':
      return s('g', { class: 'tl-crisis' }, title,
        s('polygon', { points: `${cx},${cy - 9} ${cx + 9},${cy + 7} ${cx - 9},${cy + 7}` }),
        s('text', { x: cx, y: cy + 5, 'text-anchor': 'middle', class: 'tl-crisis-mark' }, '!'));
    case 'signal':
      return s('g', { class: 'tl-signal' }, title, s('circle', { cx, cy, r: 6 }));
    case 'investigation':
      return s('g', { class: 'tl-investigation' }, title, s('rect', { x: cx - 6, y: cy - 6, width: 12, height: 12 }));
    case 'advice':
      return s('g', { class: 'tl-advice' }, title, s('rect', { x: cx - 6, y: cy - 6, width: 12, height: 12 }));
    case 'meeting':
      return s('g', { class: 'tl-meeting' }, title, s('polygon', { points: `${cx},${cy - 8} ${cx + 8},${cy} ${cx},${cy + 8} ${cx - 8},${cy}` }));
    case 'agreement':
      return s('g', { class: `tl-agreement tl-agreement-${shape.state}` }, title,
        s('line', { x1: cx, y1: cy + 8, x2: cx, y2: cy - 9 }),
        s('polygon', { points: `${cx},${cy - 9} ${cx + 11},${cy - 5} ${cx},${cy - 1}` }),
        shape.state === 'done' ? s('polyline', { class: 'tl-check', points: `${cx + 2},${cy + 3} ${cx + 5},${cy + 6} ${cx + 11},${cy - 1}` }) : null,
        shape.state === 'overdue' ? s('text', { x: cx + 8, y: cy + 9, class: 'tl-overdue-mark' }, '!') : null);
    default:
      return null;
  }
}

function bar(shape, x, y) {
  const x1 = x(time(shape.from));
  const x2 = Math.max(x(time(shape.to)), x1 + 4);
  const group = s('g', { class: `tl-${shape.type}${shape.early ? ' tl-early' : ''}${shape.ongoing ? ' tl-ongoing' : ''}` },
    s('title', {}, shape.title),
    s('rect', { x: x1, y, width: x2 - x1, height: 11, rx: 2 }));
  if (shape.ongoing) {
    group.append(s('polygon', { class: 'tl-arrow', points: `${x2},${y - 2} ${x2 + 8},${y + 5.5} ${x2},${y + 13}` }));
  }
  if (shape.early) {
    group.append(
      s('rect', { class: 'tl-early-cap', x: x2 - 4, y: y - 3, width: 4, height: 17 }),
      s('path', { class: 'tl-early-cross', d: `M${x2 + 4},${y - 2} l8,8 m0,-8 l-8,8` }));
  }
  // the kind inside the bar when it fits (about 6 px a character at 11 px)
  const room = Math.floor((x2 - x1 - 10) / 6.2);
  if (shape.text && room >= 6) {
    const text = shape.text.length > room ? `${shape.text.slice(0, room - 1)}…` : shape.text;
    group.append(s('text', { x: x1 + 5, y: y + 9, class: 'tl-bar-text' }, text));
  }
  return group;
}

function summary(caseFile, lanes) {
  const signals = caseFile.signals || [];
  const trajectories = caseFile.trajectories || [];
  return t('timeline.description', {
    signals: plural('timeline.count.signals', signals.length),
    crises: signals.filter((signal) => signal.urgency === 'crisis').length,
    trajectories: plural('timeline.count.trajectories', trajectories.length),
    early: trajectories.filter((trajectory) => trajectory.endedEarly).length,
    measures: plural('timeline.count.measures', (caseFile.measures || []).length),
    meetings: plural('timeline.count.meetings', (caseFile.meetings || []).length),
    agreements: plural('timeline.count.agreements', (caseFile.agreements || []).length),
    lanes: lanes.map((lane) => (lane === TABLE_LANE ? t('timeline.tableLane') : partnerName(lane))).join(', '),
  });
}

/** The picture: an <svg role="img"> with a title and a description that a screen reader reads. */
export function timelinePicture(caseFile, missed, today, width = 960) {
  const WIDTH = Math.max(MIN_WIDTH, Math.round(width));
  const shapes = shapesOf(caseFile, today);
  const lanes = lanesOf(caseFile, shapes);
  const range = niceRange(shapes, today);
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT_PAD;
  const x = (ms) => LABEL_WIDTH + ((ms - range.min) / (range.max - range.min)) * plotWidth;

  const laneLayout = [];
  let y = AXIS_HEIGHT;
  for (const lane of lanes) {
    const bars = shapes.filter((shape) => shape.lane === lane && shape.from);
    const rows = bars.length ? assignRows(bars, x) : 0;
    const height = MARKER_ROW + rows * BAR_ROW + LANE_PAD;
    laneLayout.push({ lane, top: y, height, bars });
    y += height;
  }
  const height = y + 8;

  const titleId = uid('tl-title');
  const descId = uid('tl-desc');
  const svg = s('svg', {
    class: 'timeline', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`,
    preserveAspectRatio: 'xMinYMin meet',
  },
  s('title', { id: titleId }, t('timeline.title', { name: caseFile.youth.displayName })),
  s('desc', { id: descId }, summary(caseFile, lanes)));

  // lanes and their names
  laneLayout.forEach((layout, index) => {
    svg.append(s('rect', { class: index % 2 ? 'tl-lane tl-lane-odd' : 'tl-lane', x: 0, y: layout.top, width: WIDTH, height: layout.height }));
    svg.append(s('g', {},
      s('title', {}, layout.lane === TABLE_LANE ? t('timeline.tableLane') : partnerName(layout.lane)),
      s('text', { class: 'tl-lane-label', x: 8, y: layout.top + 18 },
        layout.lane === TABLE_LANE ? t('timeline.tableLaneShort') : label('partnerShort', layout.lane))));
  });

  // the years (or months) along the top
  const tickSet = ticks(range);
  for (const tick of tickSet.list) {
    const tx = x(tick);
    svg.append(s('line', { class: 'tl-grid', x1: tx, y1: AXIS_HEIGHT - 6, x2: tx, y2: height - 8 }));
    const date = new Date(tick);
    const text = tickSet.monthly && date.getUTCMonth() !== 0
      ? new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL', { month: 'short', timeZone: 'UTC' }).format(date)
      : String(date.getUTCFullYear());
    svg.append(s('text', { class: 'tl-axis', x: tx + 3, y: AXIS_HEIGHT - 12 }, text));
  }

  // the signals that came before the first intervention: a shaded span
  if (missed && missed.signals && missed.signals.length && missed.firstIntervention) {
    const first = missed.signals.map((signal) => signal.observedOn).sort()[0];
    const x1 = x(time(first)) - 8;
    const x2 = x(time(missed.firstIntervention.date));
    svg.append(s('g', { class: 'tl-missed' },
      s('title', {}, t('timeline.tip.missed', { count: missed.signals.length, date: formatDate(missed.firstIntervention.date) })),
      s('rect', { x: x1, y: AXIS_HEIGHT, width: Math.max(x2 - x1, 2), height: height - AXIS_HEIGHT - 8 }),
      s('line', { class: 'tl-first-intervention', x1: x2, y1: AXIS_HEIGHT, x2, y2: height - 8 }),
      s('text', { class: 'tl-missed-label', x: x1 + 4, y: height - 12 }, t('timeline.missedSpan'))));
  }

  // today
  const todayX = x(time(today));
  svg.append(s('line', { class: 'tl-today', x1: todayX, y1: AXIS_HEIGHT - 4, x2: todayX, y2: height - 8 }),
    s('text', { class: 'tl-today-label', x: todayX - 4, y: AXIS_HEIGHT - 12, 'text-anchor': 'end' }, t('timeline.today')));

  // bars first, markers on top
  for (const layout of laneLayout) {
    for (const shape of layout.bars) {
      svg.append(bar(shape, x, layout.top + MARKER_ROW + shape.row * BAR_ROW));
    }
    const centre = layout.top + 14;
    for (const shape of shapes.filter((item) => item.lane === layout.lane && item.at)) {
      svg.append(marker(shape, x(time(shape.at)), centre));
    }
  }
  return svg;
}

/**
 * Draws the picture into a container at the container's own width (so that its text keeps its
 * size), and again when that width changes.
 */
export function mountTimeline(container, caseFile, missed, today) {
  let drawnWidth = 0;
  const draw = () => {
    const width = container.clientWidth || 960;
    if (Math.abs(width - drawnWidth) < 24) return;
    drawnWidth = width;
    container.replaceChildren(timelinePicture(caseFile, missed, today, width - 2));
  };
  draw();
  if (typeof ResizeObserver === 'function') new ResizeObserver(draw).observe(container);
}

function legendSymbol(type, extra) {
  const svg = s('svg', { class: 'legend-symbol', viewBox: '-12 -12 40 24', width: 40, height: 24, 'aria-hidden': 'true', focusable: 'false' });
  if (type === 'trajectory' || type === 'measure') {
    svg.append(bar({ type, from: '2000-01-01', to: '2000-01-21', early: extra === 'early', ongoing: extra === 'ongoing', title: '' },
      (ms) => -10 + ((ms - time('2000-01-01')) / DAY) * (extra ? 1.1 : 1.7), -5));
  } else {
    svg.append(marker({ type, state: extra, title: '' }, 4, 0));
  }
  svg.querySelectorAll('title').forEach((node) => node.remove());
  return svg;
}

export function timelineLegend() {
  const items = [
    ['signal', null, 'timeline.legend.signal'],
    ['crisis', null, 'timeline.legend.crisis'],
    ['trajectory', null, 'timeline.legend.trajectory'],
    ['trajectory', 'early', 'timeline.legend.early'],
    ['trajectory', 'ongoing', 'timeline.legend.ongoing'],
    ['measure', null, 'timeline.legend.measure'],
    ['investigation', null, 'timeline.legend.investigation'],
    ['advice', null, 'timeline.legend.advice'],
    ['meeting', null, 'timeline.legend.meeting'],
    ['agreement', 'open', 'timeline.legend.agreementOpen'],
    ['agreement', 'done', 'timeline.legend.agreementDone'],
    ['agreement', 'overdue', 'timeline.legend.agreementOverdue'],
  ];
  return h('ul', { class: 'legend', 'aria-label': t('timeline.legend.label') },
    items.map(([type, extra, key]) => h('li', {}, legendSymbol(type, extra), t(key))),
    h('li', {}, h('span', { class: 'legend-swatch legend-missed', 'aria-hidden': 'true' }), t('timeline.legend.missed')));
}

function entrySummary(entry) {
  if (entry.kind === 'measure') return label('measure', entry.summary);
  const agenda = 'On the agenda: ';
  if (entry.kind === 'meeting' && entry.summary && entry.summary.startsWith(agenda)) {
    return t('timeline.onAgenda', { reasons: entry.summary.slice(agenda.length).split(', ').map((r) => label('reason', r)).join(', ') });
  }
  return entry.summary || '';
}

function entryOutcome(entry) {
  if (!entry.outcome || entry.kind === 'measure') return '';
  return ` (${entry.kind === 'advice' ? label('measure', entry.outcome) : label('outcome', entry.outcome)})`;
}

/** The text alternative: every entry of the API's timeline, oldest first, as a table. */
export function timelineTable(entries) {
  return h('table', { class: 'data-table timeline-table' },
    h('caption', {}, t('timeline.tableCaption')),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('timeline.col.date')),
      h('th', { scope: 'col' }, t('timeline.col.kind')),
      h('th', { scope: 'col' }, t('timeline.col.partner')),
      h('th', { scope: 'col' }, t('timeline.col.summary')))),
    h('tbody', {}, entries.length ? entries.map((entry) => h('tr', {},
      h('td', { class: 'nowrap' }, formatShortDate(entry.date)),
      h('td', {}, label('timelineKind', entry.kind), entryOutcome(entry)),
      h('td', {}, entry.partner ? partnerName(entry.partner) : t('timeline.tableLane')),
      h('td', {}, entrySummary(entry)))) : h('tr', {}, h('td', { colspan: '4', class: 'empty' }, t('timeline.empty')))));
}
