// The crisis path of a case, step by step: raised by which partner and when, the crisis team
// told, acknowledged (when, by whom) or not yet, the coordinator alerted, a measure requested
// and granted. Each step says in words whether it is done, waits, or came too late. Whoever may
// acknowledge (the crisis team, the coordinator) does it here, after one more question.
import { h, announce } from './dom.js';
import { t, label, formatDate, formatDateTime } from './i18n.js';
import { api } from './api.js';
import { may } from './session.js';
import { badge, partnerName, errorNotice, askFirst } from './ui.js';

const STEP_BADGE = { done: 'done', waiting: 'open', late: 'overdue' };

function step(title, status, ...details) {
  return h('li', { class: `crisis-step crisis-step-${status}` },
    h('p', { class: 'crisis-step-head' }, h('strong', {}, title), ' ', badge(STEP_BADGE[status], t(`crisis.status.${status}`))),
    details.filter(Boolean).map((detail) => h('p', {}, detail)));
}

function raised(path) {
  return step(t('crisis.raised'), 'done',
    t('crisis.raisedBy', { partner: partnerName(path.partner), at: formatDateTime(path.raisedAt) }),
    path.observedOn ? t('crisis.observedOn', { date: formatDate(path.observedOn) }) : null,
    path.summary ? h('span', { class: 'crisis-summary' }, path.summary) : null);
}

function told(path) {
  const note = path.notification;
  if (!note) return step(t('crisis.told'), 'done', t('crisis.toldSelf'));
  if (note.status === 'DELIVERED') {
    return step(t('crisis.told'), 'done', t('crisis.delivered', { at: formatDateTime(note.deliveredAt) }));
  }
  if (note.status === 'DEAD') return step(t('crisis.told'), 'late', t('crisis.dead', { attempts: note.attempts }));
  return step(t('crisis.told'), 'waiting', t('crisis.pending', { attempts: note.attempts }));
}

function acknowledged(path) {
  if (path.acknowledged) {
    // the team that raised the crisis itself acknowledged it by raising it
    return step(t('crisis.acknowledged'), 'done', path.notification
      ? t('crisis.acknowledgedBy', { at: formatDateTime(path.acknowledgedAt), by: path.acknowledgedBy })
      : t('crisis.acknowledgedSelf', { at: formatDateTime(path.acknowledgedAt) }),
    path.alertedAt ? t('crisis.alertedEarlier', { at: formatDateTime(path.alertedAt) }) : null);
  }
  return path.alertedAt
    ? step(t('crisis.acknowledged'), 'late', t('crisis.notYet'), t('crisis.alerted', { at: formatDateTime(path.alertedAt) }))
    : step(t('crisis.acknowledged'), 'waiting', t('crisis.notYet'));
}

function measure(titleKey, found) {
  if (!found) return step(t(titleKey), 'waiting', t('crisis.noMeasure'));
  const kind = found.source === 'investigation' ? t('crisis.investigation') : label('measure', found.kind);
  return step(t(titleKey), 'done', t(`crisis.measure.${found.source}`, {
    kind, partner: partnerName(found.partner), date: formatDate(found.date) }));
}

/** The crisis path of every crisis signal of the case (oldest first), or null when it has none. */
export function crisisPanel(caseFile, onAcknowledged) {
  const paths = caseFile.crisisPath || [];
  if (!paths.length) return null;
  const waiting = paths.some((path) => !path.acknowledged);
  return h('section', { class: 'panel crisis-panel', 'aria-labelledby': 'crisis-heading' },
    h('h2', { id: 'crisis-heading', tabindex: '-1' }, t('crisis.title')),
    paths.map((path) => [
      paths.length > 1 ? h('h3', {}, t('crisis.signalOf', { date: formatDate(path.observedOn) })) : null,
      h('ol', { class: 'crisis-steps' },
        raised(path), told(path), acknowledged(path),
        measure('crisis.requested', path.measureRequested), measure('crisis.granted', path.measureGranted)),
    ]),
    waiting && may.acknowledgeCrisis() ? acknowledgeControl(caseFile.id, onAcknowledged) : null);
}

function acknowledgeControl(caseId, onAcknowledged) {
  const message = h('div', { class: 'action-message' });
  const asking = askFirst({
    action: t('crisis.acknowledge'),
    question: t('crisis.acknowledgeQuestion'),
    yes: t('crisis.acknowledgeYes'),
    onYes: async () => {
      message.replaceChildren();
      try {
        await api(`/cases/${encodeURIComponent(caseId)}/crisis-acknowledgement`, { method: 'POST' });
      } catch (error) {
        asking.close();
        message.append(error.status === 403 ? h('div', { class: 'notice notice-error', role: 'alert' },
          h('p', { class: 'notice-title' }, t('crisis.refused'))) : errorNotice(error));
        return;
      }
      announce(t('crisis.acknowledgedNow'));
      await onAcknowledged();
    },
  });
  return h('div', { class: 'crisis-acknowledge' },
    h('p', { class: 'hint' }, t('crisis.acknowledgeHint')),
    asking.button, asking.step, message);
}
