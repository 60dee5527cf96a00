// The shell: banner, navigation, language switch, and a hash router that renders one page
// at a time into <main>, moves the focus to its heading and says its name.
import { h, clear, announce } from './dom.js';
import { t, setLanguage, currentLanguage } from './i18n.js';
import { whenSessionLost } from './api.js';
import { currentPerson, restoreSession, logOut, forget, may } from './session.js';
import { pageHeading, errorNotice } from './ui.js';
import { watchAlerts } from './alerts.js';
import * as loginPage from './pages/login.js';
import * as casesPage from './pages/cases.js';
import * as casePage from './pages/case.js';
import * as meetingsPage from './pages/meetings.js';
import * as meetingPage from './pages/meeting.js';
import * as minutesPage from './pages/minutes.js';
import * as candidatesPage from './pages/candidates.js';
import * as partnersPage from './pages/partners.js';
import * as reportsPage from './pages/reports.js';
import * as privacyPage from './pages/privacy.js';

const ROUTES = [
  { path: /^\/login$/, page: loginPage, open: true },
  { path: /^\/cases$/, page: casesPage, may: may.seeCases, nav: 'cases' },
  { path: /^\/cases\/([^/]+)$/, page: casePage, may: may.seeCases, nav: 'cases' },
  { path: /^\/meetings$/, page: meetingsPage, may: may.runTable, nav: 'meetings' },
  { path: /^\/meetings\/([^/]+)$/, page: meetingPage, may: may.runTable, nav: 'meetings' },
  { path: /^\/meetings\/([^/]+)\/minutes$/, page: minutesPage, may: may.runTable, nav: 'meetings' },
  { path: /^\/match-candidates$/, page: candidatesPage, may: may.runTable, nav: 'candidates' },
  { path: /^\/partners$/, page: partnersPage, may: may.operate, nav: 'partners' },
  { path: /^\/reports$/, page: reportsPage, may: may.runTable, nav: 'reports' },
  // no check here: whoever reaches it meets the platform's own refusal
  { path: /^\/privacy$/, page: privacyPage, nav: 'privacy' },
];

const NAVIGATION = [
  { id: 'cases', href: '#/cases', may: may.seeCases },
  { id: 'meetings', href: '#/meetings', may: may.runTable },
  { id: 'candidates', href: '#/match-candidates', may: may.runTable },
  { id: 'reports', href: '#/reports', may: may.runTable },
  { id: 'partners', href: '#/partners', may: may.operate },
  { id: 'privacy', href: '#/privacy', may: may.supervisePrivacy },
];

let leaveCurrentPage = null;
let renderCount = 0;
/** The first page after a load keeps the browser's own focus (at the top, before the skip link). */
let firstPage = true;

/** "#/cases?status=open" as {path: "/cases", query: URLSearchParams}. */
function parseHash() {
  const hash = decodeURIComponent(window.location.hash.replace(/^#/, '')) || '/';
  const [path, query] = hash.split('?');
  return { path, query: new URLSearchParams(query || '') };
}

function homeOf() {
  if (may.seeCases()) return '#/cases';
  if (may.operate()) return '#/partners';
  if (may.supervisePrivacy()) return '#/privacy';
  return '#/home';
}

export function navigate(hash) {
  if (window.location.hash === hash) {
    render();
  } else {
    window.location.hash = hash;
  }
}

function renderBanner(activeNav) {
  const banner = clear(document.getElementById('banner'));
  const person = currentPerson();
  const other = currentLanguage() === 'nl' ? 'en' : 'nl';
  const languageButton = h('button', {
    type: 'button', class: 'button-link language-switch', lang: other,
    onclick: () => { setLanguage(other); render(); },
  }, other === 'en' ? 'English' : 'Nederlands');
  const inner = h('div', { class: 'banner-inner' },
    h('p', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), t('app.name')),
    person ? h('nav', { 'aria-label': t('nav.label'), class: 'main-nav' },
      h('ul', {}, NAVIGATION.filter((item) => item.may()).map((item) => h('li', {},
        h('a', { href: item.href, 'aria-current': item.id === activeNav ? 'page' : null }, t(`nav.${item.id}`)))))) : null,
    h('div', { class: 'banner-tools' },
      languageButton,
      person ? h('p', { class: 'who' }, h('span', { class: 'visually-hidden' }, t('nav.loggedInAs')), person.name) : null,
      person ? h('button', { type: 'button', class: 'button-secondary', onclick: onLogOut }, t('nav.logout')) : null));
  banner.append(inner);
  watchAlerts(Boolean(person) && may.seeAlerts());
}

async function onLogOut() {
  try {
    await logOut();
  } catch {
    // the session may be gone already; logged out either way
  }
  announce(t('login.loggedOut'));
  navigate('#/login');
}

async function render() {
  renderCount += 1;
  const thisRender = renderCount;
  if (leaveCurrentPage) {
    leaveCurrentPage();
    leaveCurrentPage = null;
  }
  const { path, query } = parseHash();
  const main = clear(document.getElementById('main'));
  document.getElementById('skip-link').textContent = t('app.skipToContent');

  if (!currentPerson() && path !== '/login') {
    const back = path && path !== '/' ? `#${path}${query.toString() ? `?${query}` : ''}` : '';
    navigate(`#/login${back ? `?next=${encodeURIComponent(back)}` : ''}`);
    return;
  }
  if (path === '/' || path === '' || (path === '/login' && currentPerson())) {
    navigate(homeOf());
    return;
  }
  const route = ROUTES.find((candidate) => candidate.path.test(path));
  renderBanner(route && route.nav);
  if (!route) {
    main.append(pageHeading(path === '/home' ? t('home.title') : t('notFound.title')),
      h('p', {}, path === '/home' ? t('home.body') : t('notFound.body')));
    finish(main, thisRender);
    return;
  }
  if (route.may && !route.may()) {
    main.append(pageHeading(t('forbidden.title')), h('p', {}, t('forbidden.body')));
    finish(main, thisRender);
    return;
  }
  const params = path.match(route.path).slice(1);
  const context = {
    query,
    navigate,
    setTitle: (title) => { document.title = `${title} — ${t('app.name')}`; },
    isCurrent: () => thisRender === renderCount,
  };
  try {
    const cleanup = await route.page.render(main, params, context);
    if (thisRender !== renderCount) {
      if (typeof cleanup === 'function') cleanup();
      return;
    }
    if (typeof cleanup === 'function') leaveCurrentPage = cleanup;
  } catch (error) {
    if (thisRender !== renderCount) return;
    clear(main).append(pageHeading(t('error.pageTitle')), errorNotice(error));
  }
  finish(main, thisRender);
}

/** After a page is drawn: its heading takes the focus and its name is said. */
function finish(main, thisRender) {
  if (thisRender !== renderCount) return;
  const heading = main.querySelector('h1');
  if (heading) {
    document.title = `${heading.textContent} — ${t('app.name')}`;
    if (!firstPage) heading.focus({ preventScroll: false });
  }
  firstPage = false;
}

function onSessionLost() {
  if (!currentPerson()) return;
  forget();
  const { path } = parseHash();
  announce(t('login.sessionEnded'));
  navigate(`#/login?expired=1&next=${encodeURIComponent(`#${path}`)}`);
}

async function start() {
  setLanguage(currentLanguage());
  whenSessionLost(onSessionLost);
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    const heading = document.querySelector('main h1');
    (heading || document.getElementById('main')).focus();
  });
  try {
    await restoreSession();
  } catch (error) {
    clear(document.getElementById('main')).append(errorNotice(error));
    return;
  }
  window.addEventListener('hashchange', render);
  render();
}

start();
