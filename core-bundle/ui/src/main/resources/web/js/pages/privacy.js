// For the privacy officer: the audit trail of one case, the check of the trail's hash chain, a
// youth's subject-access export as a file, erasure on a legal order, and the retention pass.
// Nothing here is checked in the browser first: whoever else reaches the page meets the
// platform's own refusal (403), said plainly.
import { h, clear, announce } from '../dom.js';
import { t, label, plural, formatDate, formatDateTime, today } from '../i18n.js';
import { api } from '../api.js';
import { pageHeading, badge, errorNotice, notAvailable, field, loading, askFirst, requireFilled } from '../ui.js';

const OUTCOME_BADGE = { success: 'done', denied: 'absent', invalid: 'overdue', error: 'crisis' };

/** A BSN never goes into an address: eight or nine digits are refused before they are sent. */
function looksLikeBsn(value) {
  return /^\d{8,9}$/.test(value);
}

/** The trimmed id typed into `input`, or null after saying (in `message`) what is wrong with it. */
function idFrom(input, name, message) {
  const value = input.value.trim();
  let problem = null;
  if (!value) problem = t('form.missing', { fields: name });
  else if (looksLikeBsn(value)) problem = t('privacy.noBsn');
  if (!problem) return value;
  message.replaceChildren(h('div', { class: 'notice notice-error', role: 'alert' }, problem));
  input.focus();
  return null;
}

function refusal() {
  return [pageHeading(t('forbidden.title')),
    h('div', { class: 'notice notice-error', role: 'alert' },
      h('p', { class: 'notice-title' }, t('privacy.refusedTitle')),
      h('p', {}, t('privacy.refused')))];
}

export async function render(main, params, context) {
  main.append(pageHeading(t('privacy.title')), h('p', { class: 'lead' }, t('privacy.intro')), loading());
  let newest;
  try {
    newest = (await api('/audit?limit=1')).items || [];
  } catch (error) {
    if (!context.isCurrent()) return undefined;
    if (error.status === 403) {
      clear(main).append(...refusal());
      return undefined;
    }
    if (error.missingEndpoint) {
      main.querySelector('.loading').replaceWith(notAvailable(t('privacy.title')));
      return undefined;
    }
    throw error;
  }
  if (!context.isCurrent()) return undefined;
  main.querySelector('.loading').remove();
  const youth = youthSection();
  main.append(auditSection(context, youth.choose), youth.section, chainSection(newest[0]), retentionSection());
  return youth.cleanup;
}

// ---- the hash chain ----

function chainSection(newest) {
  const result = h('div', { class: 'chain-result' });
  const button = h('button', { type: 'button', class: 'button-primary' }, t('privacy.chain.verify'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('privacy.chain.checking')));
    try {
      const check = await api('/audit/verify');
      result.replaceChildren(check.valid
        ? h('div', { class: 'notice notice-good', role: 'status' },
          h('p', { class: 'notice-title' }, badge('done', t('privacy.chain.valid'))),
          h('p', {}, t('privacy.chain.validDetail', { count: check.checkedRecords, last: check.lastSeq })),
          h('p', {}, t('privacy.chain.lastHash'), ' ', h('code', { class: 'hash' }, check.lastHash || '–')),
          h('p', { class: 'hint' }, t('privacy.chain.keepHash')))
        : h('div', { class: 'notice notice-error', role: 'alert' },
          h('p', { class: 'notice-title' }, badge('crisis', t('privacy.chain.broken'))),
          h('p', {}, t('privacy.chain.brokenDetail', { seq: check.brokenAtSeq, count: check.checkedRecords })),
          h('p', {}, t('privacy.chain.problem'), ' ', h('code', {}, check.problem || ''))));
    } catch (error) {
      result.replaceChildren(errorNotice(error));
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'chain-heading' },
    h('h2', { id: 'chain-heading' }, t('privacy.chain.title')),
    h('p', {}, t('privacy.chain.intro')),
    newest ? h('p', { class: 'hint' }, t('privacy.chain.newest', { seq: newest.seq, at: formatDateTime(newest.occurredAt) })) : null,
    h('p', { class: 'actions' }, button),
    result);
}

// ---- the audit trail of one case ----

function auditSection(context, chooseYouth) {
  const caseId = h('input', { type: 'text', name: 'caseId', autocomplete: 'off', spellcheck: 'false', value: context.query.get('caseId') || '' });
  const message = h('div', { class: 'action-message' });
  const results = h('div', { class: 'audit-results' });
  const form = h('form', { class: 'inline-form', noValidate: true },
    field(t('privacy.audit.caseId'), caseId, t('privacy.audit.caseIdHint')),
    h('button', { type: 'submit', class: 'button-primary' }, t('privacy.audit.show')),
    message);
  async function show() {
    message.replaceChildren();
    const id = idFrom(caseId, t('privacy.audit.caseId'), message);
    if (!id) return;
    window.history.replaceState(null, '', `#/privacy?caseId=${encodeURIComponent(id)}`);
    results.replaceChildren(loading());
    try {
      const records = (await api(`/audit?caseId=${encodeURIComponent(id)}`)).items || [];
      if (!context.isCurrent()) return;
      results.replaceChildren(...auditRecords(id, records, chooseYouth));
    } catch (error) {
      results.replaceChildren(errorNotice(error));
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  if (caseId.value) show();
  return h('section', { class: 'panel', 'aria-labelledby': 'audit-heading' },
    h('h2', { id: 'audit-heading' }, t('privacy.audit.title')),
    h('p', {}, t('privacy.audit.intro')),
    form, results);
}

function auditRecords(caseId, records, chooseYouth) {
  const count = h('p', { class: 'result-count', role: 'status' }, plural('privacy.audit.count', records.length));
  if (!records.length) return [count];
  const youths = [...new Set(records.map((record) => record.youthId).filter(Boolean))];
  return [count,
    h('div', { class: 'table-scroll' }, h('table', { class: 'data-table audit-table' },
      h('caption', { class: 'visually-hidden' }, t('privacy.audit.caption', { id: caseId })),
      h('thead', {}, h('tr', {},
        ['seq', 'when', 'who', 'action', 'what', 'outcome', 'purpose', 'channel'].map((column) => h('th', {
          scope: 'col', class: column === 'seq' ? 'number' : null }, t(`privacy.audit.col.${column}`))))),
      h('tbody', {}, records.map((record) => h('tr', {},
        h('td', { class: 'number' }, String(record.seq)),
        h('td', { class: 'nowrap' }, formatDateTime(record.occurredAt)),
        h('th', { scope: 'row' }, record.user || '–',
          h('span', { class: 'block hint' }, [(record.roles || []).join(', '), record.partnerId ? label('partner', record.partnerId) : '']
            .filter(Boolean).join(' · '))),
        h('td', {}, label('auditAction', record.action)),
        h('td', {}, h('code', {}, record.resource || ''), record.detail ? h('span', { class: 'block hint' }, record.detail) : null),
        h('td', {}, badge(OUTCOME_BADGE[record.outcome] || 'neutral', label('auditOutcome', record.outcome)),
          record.httpStatus ? h('span', { class: 'block hint' }, `HTTP ${record.httpStatus}`) : null),
        h('td', {}, label('purpose', record.purpose)),
        h('td', {}, label('channel', record.channel))))))),
    youths.length ? h('div', { class: 'audit-youths' },
      h('p', {}, t('privacy.audit.youths')),
      h('ul', { class: 'plain-list' }, youths.map((youthId) => h('li', {},
        h('code', {}, youthId), ' ',
        h('button', {
          type: 'button', class: 'button-small', 'aria-label': t('privacy.audit.chooseYouthLabel', { id: youthId }),
          onclick: () => chooseYouth(youthId),
        }, t('privacy.audit.chooseYouth')))))) : null];
}

// ---- one youth: subject access and erasure ----

function youthSection() {
  const youthId = h('input', { type: 'text', name: 'youthId', autocomplete: 'off', spellcheck: 'false' });
  let downloadUrl = null;

  const exportMessage = h('div', { class: 'action-message' });
  const exportButton = h('button', { type: 'button', class: 'button-primary' }, t('privacy.export.download'));
  // what the page said about one youth must not stand beside another's id
  youthId.addEventListener('input', () => exportMessage.replaceChildren());
  exportButton.addEventListener('click', async () => {
    exportMessage.replaceChildren();
    const id = idFrom(youthId, t('privacy.youthId'), exportMessage);
    if (!id) return;
    exportButton.disabled = true;
    try {
      const data = await api(`/privacy/youths/${encodeURIComponent(id)}/export`);
      if (downloadUrl) URL.revokeObjectURL(downloadUrl);
      downloadUrl = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const fileName = `inzage-${id.replace(/[^A-Za-z0-9-]/g, '')}-${today()}.json`;
      const link = h('a', { href: downloadUrl, download: fileName }, t('privacy.export.saveAgain', { file: fileName }));
      exportMessage.replaceChildren(exportSummary(data, fileName), h('p', {}, link));
      link.click();
    } catch (error) {
      exportMessage.replaceChildren(error.status === 404 ? notice(t('privacy.noSuchYouth')) : errorNotice(error));
    } finally {
      exportButton.disabled = false;
    }
  });

  const legalBasis = h('input', { type: 'text', name: 'legalBasis', maxlength: '500', autocomplete: 'off' });
  const reference = h('input', { type: 'text', name: 'reference', maxlength: '500', autocomplete: 'off', spellcheck: 'false' });
  const eraseMessage = h('div', { class: 'action-message' });
  reference.addEventListener('input', () => eraseMessage.replaceChildren());
  const erasing = askFirst({
    action: t('privacy.erase.start'),
    actionClass: 'button-secondary button-danger',
    question: t('privacy.erase.question'),
    yes: t('privacy.erase.yes'),
    fields: field(t('privacy.erase.reference'), reference, t('privacy.erase.referenceHint')),
    ready: () => {
      eraseMessage.replaceChildren();
      return Boolean(idFrom(youthId, t('privacy.youthId'), eraseMessage))
        && requireFilled(eraseMessage, [[legalBasis, t('privacy.erase.legalBasis')]]);
    },
    onYes: async () => {
      eraseMessage.replaceChildren();
      const id = idFrom(youthId, t('privacy.youthId'), eraseMessage);
      if (!id || !requireFilled(eraseMessage, [[legalBasis, t('privacy.erase.legalBasis')],
        [reference, t('privacy.erase.reference')]])) return;
      try {
        const erased = await api(`/privacy/youths/${encodeURIComponent(id)}/erase`, {
          method: 'POST', body: { legalBasis: legalBasis.value.trim(), reference: reference.value.trim() } });
        erasing.close();
        reference.value = '';
        const done = t('privacy.erase.done', { id, cases: erased.casesErased, entries: erased.entriesErased, messages: erased.messagesErased });
        eraseMessage.append(h('p', { class: 'notice notice-good', role: 'status' }, done));
        announce(done);
      } catch (error) {
        eraseMessage.append(error.status === 404 ? notice(t('privacy.noSuchYouth')) : errorNotice(error));
      }
    },
  });

  const section = h('section', { class: 'panel', 'aria-labelledby': 'youth-heading' },
    h('h2', { id: 'youth-heading' }, t('privacy.youth.title')),
    field(t('privacy.youthId'), youthId, t('privacy.youthIdHint')),
    h('h3', {}, t('privacy.export.title')),
    h('p', {}, t('privacy.export.intro')),
    h('p', { class: 'actions' }, exportButton),
    exportMessage,
    h('h3', {}, t('privacy.erase.title')),
    h('p', {}, t('privacy.erase.intro')),
    field(t('privacy.erase.legalBasis'), legalBasis, t('privacy.erase.legalBasisHint')),
    h('p', { class: 'actions' }, erasing.button),
    erasing.step,
    eraseMessage);
  return {
    section,
    choose: (id) => {
      youthId.value = id;
      exportMessage.replaceChildren();
      youthId.focus();
      announce(t('privacy.youthChosen'));
    },
    cleanup: () => { if (downloadUrl) URL.revokeObjectURL(downloadUrl); },
  };
}

function notice(text) {
  return h('div', { class: 'notice notice-error', role: 'alert' }, text);
}

function exportSummary(data, fileName) {
  const person = data.youth || {};
  const name = [person.givenName, person.familyName].filter(Boolean).join(' ');
  return h('div', { class: 'notice notice-good', role: 'status' },
    h('p', { class: 'notice-title' }, t('privacy.export.done', { file: fileName })),
    h('p', {}, t('privacy.export.who', { name: name || '–', born: person.birthDate ? formatDate(person.birthDate) : '–' })),
    h('p', {}, t('privacy.export.counts', {
      cases: (data.cases || []).length, messages: (data.messages || []).length,
      accesses: (data.accesses || []).length, erasures: (data.erasures || []).length })),
    h('p', {}, person.bsnRecorded ? t('privacy.export.bsnRecorded') : t('privacy.export.noBsn')));
}

// ---- retention ----

function retentionSection() {
  const message = h('div', { class: 'action-message' });
  const running = askFirst({
    action: t('privacy.retention.run'),
    actionClass: 'button-secondary',
    question: t('privacy.retention.question'),
    yes: t('privacy.retention.yes'),
    onYes: async () => {
      message.replaceChildren();
      try {
        const run = await api('/privacy/retention/run', { method: 'POST' });
        running.close();
        const done = t('privacy.retention.done', { cases: run.casesErased, youths: run.youthsErased, records: run.auditRecordsRemoved });
        message.append(h('p', { class: 'notice notice-good', role: 'status' }, done));
      } catch (error) {
        message.append(errorNotice(error));
      }
    },
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'retention-heading' },
    h('h2', { id: 'retention-heading' }, t('privacy.retention.title')),
    h('p', {}, t('privacy.retention.intro')),
    h('p', { class: 'actions' }, running.button),
    running.step,
    message);
}
