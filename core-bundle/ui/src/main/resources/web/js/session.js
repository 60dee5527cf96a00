// Who is logged in, and what that person may do in the UI. The platform decides what they
// may see; this only decides what to offer.
import { api, useCsrfToken } from './api.js';

let person = null;

export function currentPerson() {
  return person;
}

function take(session) {
  person = session;
  useCsrfToken(session ? session.csrfToken : null);
  return person;
}

/** The session this browser already has, if any (after a reload). */
export async function restoreSession() {
  try {
    return take(await api('/session', { quiet401: true }));
  } catch (error) {
    if (error.status === 401) return take(null);
    throw error;
  }
}

export async function logIn(username, password) {
  return take(await api('/session', { method: 'POST', body: { username, password }, quiet401: true }));
}

export async function logOut() {
  try {
    await api('/session', { method: 'DELETE', quiet401: true });
  } finally {
    take(null);
  }
}

export function forget() {
  take(null);
}

function hasRole(role) {
  return Boolean(person && person.roles.includes(role));
}

export const may = {
  /** The coordinator and partner professionals work with cases. */
  seeCases: () => hasRole('coordinator') || Boolean(person && person.roles.some((r) => r.startsWith('partner-'))),
  runTable: () => hasRole('coordinator'),
  operate: () => hasRole('operator'),
  /** The coordinator's alerts: crises the crisis team did not acknowledge in time. */
  seeAlerts: () => hasRole('coordinator'),
  /** The crisis team (`jbrr`) and the coordinator acknowledge a crisis. */
  acknowledgeCrisis: () => hasRole('coordinator') || hasRole('partner-jbrr'),
  supervisePrivacy: () => hasRole('privacy-officer'),
  /** Whether this person may mark an agreement owned by this partner as done. */
  finishAgreement: (ownerPartner) => hasRole('coordinator') || hasRole(`partner-${ownerPartner}`),
};
