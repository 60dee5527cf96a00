// Dutch by default, English on request; the choice is remembered in this browser.
import nl from './messages-nl.js';
import en from './messages-en.js';

const BUNDLES = { nl, en };
const STORAGE_KEY = 'zorgtafel.language';
const LOCALES = { nl: 'nl-NL', en: 'en-GB' };

let language = readStoredLanguage();

function readStoredLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function currentLanguage() {
  return language;
}

export function setLanguage(next) {
  language = next === 'en' ? 'en' : 'nl';
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = language;
}

/** The text for a key, with {placeholders} filled in. */
export function t(key, values = {}) {
  const text = BUNDLES[language][key] ?? BUNDLES.nl[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** A code from the API (a category, a partner id, a kind) in words; the code itself if unknown. */
export function label(group, code) {
  if (code === null || code === undefined || code === '') return '';
  return BUNDLES[language][`${group}.${code}`] ?? BUNDLES.nl[`${group}.${code}`] ?? String(code);
}

/** The number of things, with the right word: plural('cases.count', 3). */
export function plural(key, count) {
  return t(count === 1 ? `${key}.one` : `${key}.other`, { count });
}

function toDate(isoDate) {
  const [year, month, day] = String(isoDate).slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** 2026-03-02 as "2 maart 2026" (or "2 March 2026"). */
export function formatDate(isoDate) {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(toDate(isoDate));
}

/** 2026-03-02 as "2-3-2026": for tables and tight places. */
export function formatShortDate(isoDate) {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' })
    .format(toDate(isoDate));
}

export function formatMonth(isoDate) {
  return new Intl.DateTimeFormat(LOCALES[language], { month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(toDate(isoDate));
}

export function formatDateTime(instant) {
  if (!instant) return '';
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam',
  }).format(new Date(instant));
}

export function formatTime(date) {
  return new Intl.DateTimeFormat(LOCALES[language], {
    hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Amsterdam',
  }).format(date);
}

export function formatPercent(fraction) {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '–';
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** Today in Amsterdam as yyyy-MM-dd. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** Whole years between a birth date and a day. */
export function ageOn(birthDate, onDate) {
  const birth = toDate(birthDate);
  const on = toDate(onDate);
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  if (on.getUTCMonth() < birth.getUTCMonth()
      || (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate())) {
    age -= 1;
  }
  return age;
}

export function daysBetween(fromIso, toIso) {
  return Math.round((toDate(toIso) - toDate(fromIso)) / 86400000);
}
