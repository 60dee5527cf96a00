// For operators: each partner's adapter (state, version), what waits in its inbox and outbox,
// and its dead letters, which can be offered again. Refreshed every few seconds.
import { h, clear, announce } from '../dom.js';
import { t, formatDateTime, formatTime, label } from '../i18n.js';
import { api } from '../api.js';
import { pageHeading, badge, partnerName, errorNotice, loading } from '../ui.js';
import { every } from '../refresh.js';

const REFRESH_MS = 5000;

export async function render(main, params, context) {
  main.append(pageHeading(t('partners.title')), h('p', { class: 'lead' }, t('partners.intro')), loading());
  const updated = h('p', { class: 'hint live-stamp' });
  const pause = h('button', { type: 'button', class: 'button-secondary button-small', 'aria-pressed': 'false' }, t('partners.pause'));
  const tableHolder = h('div', { class: 'table-scroll' });
  const lettersHolder = h('div');
  const replayStatus = h('p', { class: 'save-state', role: 'status' });
  let paused = false;
  let previous = new Map();
  let openLetters = null;

  pause.addEventListener('click', () => {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? t('partners.resume') : t('partners.pause');
    if (!paused) refresh();
  });

  async function refresh({ background = false } = {}) {
    let partners;
    try {
      partners = await api('/partners', { background });
    } catch (error) {
      clear(tableHolder).append(errorNotice(error));
      return;
    }
    if (!context.isCurrent()) return;
    const changes = [];
    for (const partner of partners) {
      const before = previous.get(partner.partnerId);
      if (before && before.adapter !== partner.adapter) {
        changes.push(t(partner.adapter === 'ACTIVE' ? 'partners.cameBack' : 'partners.wentAway', { partner: partnerName(partner.partnerId) }));
      }
    }
    previous = new Map(partners.map((partner) => [partner.partnerId, partner]));
    if (changes.length) announce(changes.join(' '));
    // a redraw must not take the keyboard focus away: it goes back to the same control
    const focusKey = tableHolder.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    clear(tableHolder).append(table(partners));
    if (focusKey) {
      const again = tableHolder.querySelector(`[data-key="${CSS.escape(focusKey)}"]`);
      (again || tableHolder.querySelector('table')).focus();
    }
    updated.textContent = t('partners.updated', { time: formatTime(new Date()), seconds: REFRESH_MS / 1000 });
    if (openLetters) await showLetters(openLetters, false, background);
  }

  function table(partners) {
    return h('table', { class: 'data-table partners-table', tabindex: '-1' },
      h('caption', { class: 'visually-hidden' }, t('partners.title')),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('partners.col.partner')),
        h('th', { scope: 'col' }, t('partners.col.adapter')),
        h('th', { scope: 'col' }, t('partners.col.version')),
        h('th', { scope: 'col', class: 'number' }, t('partners.col.inbox')),
        h('th', { scope: 'col', class: 'number' }, t('partners.col.outbox')),
        h('th', { scope: 'col', class: 'number' }, t('partners.col.deadLetters')),
        h('th', { scope: 'col' }, t('partners.col.lastError')))),
      h('tbody', {}, partners.map((partner) => h('tr', { dataset: { partner: partner.partnerId } },
        h('th', { scope: 'row' }, partnerName(partner.partnerId),
          partner.configured === false ? h('span', { class: 'block hint' }, t('partners.notConfigured')) : null),
        h('td', {}, partner.adapter === 'ACTIVE' ? badge('active', t('partners.active')) : badge('absent', t('partners.absent'))),
        h('td', {}, partner.adapterVersion || '–'),
        h('td', { class: 'number' }, String(partner.inboxPending)),
        h('td', { class: 'number' }, String(partner.outboxPending)),
        h('td', { class: 'number' }, partner.deadLetters > 0
          ? h('button', {
            type: 'button', class: 'button-small button-warning', dataset: { key: `letters-${partner.partnerId}` },
            'aria-label': t('partners.showLettersLabel', { count: partner.deadLetters, partner: partnerName(partner.partnerId) }),
            onclick: () => showLetters(partner.partnerId, true),
          }, String(partner.deadLetters))
          : '0'),
        h('td', { class: 'error-cell' }, partner.lastError || '')))));
  }

  async function showLetters(partnerId, moveFocus, background = false) {
    openLetters = partnerId;
    const focusInside = lettersHolder.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    let letters;
    try {
      letters = await api(`/partners/${encodeURIComponent(partnerId)}/dead-letters`, { background });
    } catch (error) {
      clear(lettersHolder).append(errorNotice(error));
      return;
    }
    if (!context.isCurrent()) return;
    const items = letters.items || [];
    const message = h('div', { class: 'action-message' });
    const heading = h('h2', { tabindex: '-1', id: 'letters-heading' }, t('partners.letters', { partner: partnerName(partnerId) }));
    clear(lettersHolder).append(h('section', { class: 'panel', 'aria-labelledby': 'letters-heading' },
      heading,
      items.length ? h('table', { class: 'data-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('partners.letter.kind')),
          h('th', { scope: 'col' }, t('partners.letter.created')),
          h('th', { scope: 'col', class: 'number' }, t('partners.letter.attempts')),
          h('th', { scope: 'col' }, t('partners.letter.error')))),
        h('tbody', {}, items.map((letter) => h('tr', {},
          h('td', {}, label('notification', letter.kind)),
          h('td', {}, formatDateTime(letter.createdAt)),
          h('td', { class: 'number' }, String(letter.attempts)),
          h('td', { class: 'error-cell' }, letter.lastError || '')))))
        : h('p', { class: 'empty' }, t('partners.noLetters')),
      h('p', { class: 'actions' },
        items.length ? h('button', {
          type: 'button', class: 'button-primary', dataset: { key: 'replay' },
          onclick: async () => {
            try {
              const answer = await api(`/partners/${encodeURIComponent(partnerId)}/dead-letters/replay`, { method: 'POST' });
              replayStatus.textContent = t('partners.replayed', { count: answer.replayed, partner: partnerName(partnerId) });
              await refresh();
            } catch (error) {
              message.replaceChildren(errorNotice(error));
            }
          },
        }, t('partners.replay', { partner: partnerName(partnerId) })) : null,
        ' ',
        h('button', { type: 'button', class: 'button-secondary', dataset: { key: 'close' }, onclick: () => { openLetters = null; clear(lettersHolder); } }, t('partners.closeLetters'))),
      message));
    if (!moveFocus && focusInside) {
      const again = lettersHolder.querySelector(`[data-key="${CSS.escape(focusInside)}"]`);
      if (again) again.focus();
    }
    if (moveFocus) heading.focus();
  }

  await refresh();
  if (!context.isCurrent()) return undefined;
  main.querySelector('.loading').remove();
  main.append(h('div', { class: 'live-bar' }, updated, pause), tableHolder, replayStatus, lettersHolder);
  return every(REFRESH_MS, () => refresh({ background: true }), { skip: () => paused, keepGoing: context.isCurrent });
}
