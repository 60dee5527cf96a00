// The recurrence chart: per period, closed cases (solid bars) beside the repeats among them
// (hatched bars), with the repeat rate written above. Series differ by pattern, not only colour.
import { s, uid } from './dom.js';
import { t, formatPercent } from './i18n.js';

const WIDTH = 880;
const HEIGHT = 300;
const LEFT = 48;
const RIGHT = 16;
const TOP = 28;
const BOTTOM = 54;

export function recurrenceChart(series) {
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const max = Math.max(1, ...series.map((p) => p.closed), ...series.map((p) => p.repeats));
  const niceMax = max <= 5 ? max : Math.ceil(max / 5) * 5;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(series.length, 1);
  const barWidth = Math.min(28, slot / 2.6);
  const y = (value) => TOP + plotHeight - (value / niceMax) * plotHeight;
  const patternId = uid('hatch');
  const totalClosed = series.reduce((sum, p) => sum + p.closed, 0);
  const totalRepeats = series.reduce((sum, p) => sum + p.repeats, 0);

  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}` },
    s('title', { id: titleId }, t('chart.title')),
    s('desc', { id: descId }, t('chart.description', { periods: series.length, closed: totalClosed, repeats: totalRepeats })),
    s('defs', {}, s('pattern', { id: patternId, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, class: 'chart-hatch-bg' }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'chart-hatch-line' }))));

  const steps = Math.min(niceMax, 5);
  for (let i = 0; i <= steps; i += 1) {
    const value = Math.round((niceMax / steps) * i);
    svg.append(s('line', { class: 'chart-grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y(value), y2: y(value) }),
      s('text', { class: 'chart-axis', x: LEFT - 8, y: y(value) + 4, 'text-anchor': 'end' }, String(value)));
  }
  series.forEach((period, index) => {
    const centre = LEFT + slot * index + slot / 2;
    svg.append(s('g', {},
      s('title', {}, t('chart.tip', { period: period.label, closed: period.closed, repeats: period.repeats,
        rate: period.closed ? formatPercent(period.rate) : '–' })),
      s('rect', { class: 'chart-closed', x: centre - barWidth - 1, y: y(period.closed), width: barWidth, height: Math.max(y(0) - y(period.closed), 0) }),
      s('rect', { class: 'chart-repeats', fill: `url(#${patternId})`, x: centre + 1, y: y(period.repeats), width: barWidth, height: Math.max(y(0) - y(period.repeats), 0) }),
      period.closed ? s('text', { class: 'chart-rate', x: centre, y: y(Math.max(period.closed, period.repeats)) - 6, 'text-anchor': 'middle' }, formatPercent(period.rate)) : null,
      s('text', { class: 'chart-axis', x: centre, y: HEIGHT - BOTTOM + 18, 'text-anchor': 'middle' }, period.label)));
  });
  svg.append(s('line', { class: 'chart-baseline', x1: LEFT, x2: WIDTH - RIGHT, y1: y(0), y2: y(0) }));
  // the legend, inside the picture so that it prints with it
  const legendY = HEIGHT - 14;
  svg.append(
    s('rect', { class: 'chart-closed', x: LEFT, y: legendY - 10, width: 14, height: 12 }),
    s('text', { class: 'chart-legend', x: LEFT + 20, y: legendY }, t('chart.closed')),
    s('rect', { class: 'chart-repeats', fill: `url(#${patternId})`, x: LEFT + 220, y: legendY - 10, width: 14, height: 12 }),
    s('text', { class: 'chart-legend', x: LEFT + 240, y: legendY }, t('chart.repeats')),
    s('text', { class: 'chart-legend', x: LEFT + 460, y: legendY }, t('chart.rateNote')));
  return svg;
}
