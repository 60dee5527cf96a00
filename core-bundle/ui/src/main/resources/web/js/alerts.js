// The coordinator's alerts, above every page: each crisis that the crisis team did not
// acknowledge in time, with a link to its case, until the team (or the coordinator) does.
// The banner names no youth: it stands on every page, also on a screen the table looks at
// together; the case page says who it is about.
import { h, clear } from './dom.js';
import { t, plural, label, formatDateTime, currentLanguage } from './i18n.js';
import { api } from './api.js';
import { every } from './refresh.js';
import { partnerName } from './ui.js';

/** The platform looks for late crises once a minute (crisisCheckSeconds); twice as often is enough. */
const REFRESH_MS = 30_000;

let stopRefreshing = null;
let generation = 0;
let state = { status: 'none', items: [] };
let drawn = '';

function region() {
  return document.getElementById('alerts');
}

/**
 * Shows the alerts to a person who may see them, checks them again now (at every page) and
 * then every half minute; for anyone else (or nobody) the banner is empty and nothing is asked.
 */
export function watchAlerts(allowed) {
  if (!allowed) {
    generation += 1;
    if (stopRefreshing) stopRefreshing();
    stopRefreshing = null;
    state = { status: 'none', items: [] };
    draw();
    return;
  }
  draw();
  if (!stopRefreshing) {
    stopRefreshing = every(REFRESH_MS, () => refreshAlerts({ background: true }));
  }
  refreshAlerts();
}

/** Asks the platform for the open alerts now, if this person sees alerts at all. */
export async function refreshAlerts({ background = false } = {}) {
  if (!stopRefreshing) return;
  const asked = generation;
  let next;
  try {
    const answer = await api('/alerts', { background });
    next = { status: 'ok', items: answer.items || [] };
  } catch (error) {
    // a platform without alerts (404/405) has nothing to show; a failed check says so
    next = error.missingEndpoint ? { status: 'none', items: [] } : { status: 'failed', items: state.items };
  }
  if (asked !== generation) return;
  state = next;
  draw();
}

/** Redraws only when something changed, so that the live region speaks only of news. */
function draw() {
  const holder = region();
  if (!holder) return;
  const key = [currentLanguage(), state.status, ...state.items.map((alert) => alert.id)].join('|');
  if (key === drawn) return;
  drawn = key;
  clear(holder);
  const items = state.items.filter((alert) => alert.open !== false);
  if (!items.length && state.status !== 'failed') return;
  holder.append(h('div', { class: 'alert-banner' },
    h('div', { class: 'alert-banner-inner' },
      h('span', { class: 'alert-icon', 'aria-hidden': 'true' }, '!'),
      h('div', {},
        items.length ? h('p', { class: 'alert-title' }, plural('alerts.title', items.length)) : null,
        items.length ? h('ul', { class: 'alert-list' }, items.map((alert) => h('li', {},
          describe(alert), ' ',
          h('a', { href: `#/cases/${encodeURIComponent(alert.caseId)}` }, t('alerts.openCase'))))) : null,
        state.status === 'failed' ? h('p', { class: 'alert-failed' }, t('alerts.failed')) : null))));
}

function describe(alert) {
  const what = alert.kind === 'crisis-not-acknowledged'
    ? (alert.crisisReportedBy
      ? t('alerts.notAcknowledgedFrom', { partner: partnerName(alert.crisisReportedBy), time: formatDateTime(alert.raisedAt) })
      : t('alerts.notAcknowledged', { time: formatDateTime(alert.raisedAt) }))
    : alert.summary;
  return alert.caseStatus && alert.caseStatus !== 'open'
    ? `${what} ${t('alerts.caseStatus', { status: label('caseStatus', alert.caseStatus) })}`
    : what;
}
