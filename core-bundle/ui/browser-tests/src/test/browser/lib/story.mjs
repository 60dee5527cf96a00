// The data the browser tests meet, seeded through the API as partner systems and people would
// send it. Invented youths; test BSNs (99999xxxx) that pass the elfproef.
import { PEOPLE } from './platform.mjs';

/** The elfproef: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11. */
export function passesElfproef(bsn) {
  const digits = bsn.split('').map(Number);
  const sum = digits.reduce((total, digit, index) => total + digit * (index === 8 ? -1 : 9 - index), 0);
  return digits.length === 9 && sum % 11 === 0;
}

export const NOOR = { bsn: '999990019', givenName: 'Noor', familyName: 'Jansen', birthDate: '2009-04-14' };
export const SEM = { bsn: '999990032', givenName: 'Sem', familyName: 'de Boer', birthDate: '2008-08-30' };
export const LOTTE = { bsn: '999990044', givenName: 'Lotte', familyName: 'Smit', birthDate: '2008-02-02' };
export const MILA = { bsn: '999990056', givenName: 'Mila', familyName: 'Bos', birthDate: '2007-12-19' };
export const YARA = { givenName: 'Yara', familyName: 'el Amrani', birthDate: '2010-01-09' };
export const JARA = { givenName: 'Jara', familyName: 'El Amrani', birthDate: '2010-01-09' };
export const YASMIN = { bsn: '999990068', givenName: 'Yasmin', familyName: 'Bakker', birthDate: '2009-11-23' };
export const SARA = { bsn: '999990081', givenName: 'Sara', familyName: 'Visser', birthDate: '2010-05-07' };
export const FENNA = { bsn: '999990093', givenName: 'Fenna', familyName: 'de Wit', birthDate: '2008-03-15' };

for (const youth of [NOOR, SEM, LOTTE, MILA, YASMIN, SARA, FENNA]) {
  if (!passesElfproef(youth.bsn)) throw new Error(`test BSN of ${youth.givenName} fails the elfproef`);
}

function basic(person) {
  return `Basic ${Buffer.from(`${person.name}:${person.password}`).toString('base64')}`;
}

async function call(platform, path, { method = 'GET', auth, type = 'application/json', body } = {}) {
  const response = await fetch(`${platform.baseUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: auth, ...(body === undefined ? {} : { 'Content-Type': type }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

function signal(youth, category, urgency, summary, observedOn, reference) {
  return { youth, category, urgency, summary, observedOn, partnerReference: reference };
}

function ggzBundle(id, youth, flag, episode) {
  const patient = 'urn:uuid:0d5c2b8e-6a41-4a3f-9f0e-5b7a1c2d3e4f';
  return {
    resourceType: 'Bundle', id, type: 'collection',
    entry: [
      { fullUrl: patient, resource: {
        resourceType: 'Patient',
        identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: youth.bsn }],
        name: [{ family: youth.familyName, given: [youth.givenName] }], gender: 'female', birthDate: youth.birthDate } },
      { resource: {
        resourceType: 'Flag', status: 'active',
        code: { coding: [{ system: 'urn:nl:zorgtafel:signal-category', code: flag.category }], text: flag.summary },
        subject: { reference: patient }, period: { start: flag.observedOn } } },
      { resource: {
        resourceType: 'EpisodeOfCare', status: episode.status, type: [{ text: episode.kind }],
        patient: { reference: patient }, managingOrganization: { display: 'GGZ Rijnmond' },
        period: { start: episode.start, end: episode.end } } },
    ],
  };
}

function jw30x(code, id, youth, product) {
  const schema = code === 438 ? 'jw305' : 'jw307';
  const products = code === 438
    ? `<StartProducten><StartProduct><ToewijzingNummer>${product.assignment}</ToewijzingNummer><Product><Categorie>${product.category}</Categorie></Product><ToewijzingIngangsdatum>${product.start}</ToewijzingIngangsdatum><Begindatum>${product.start}</Begindatum><StatusAanlevering>1</StatusAanlevering></StartProduct></StartProducten>`
    : `<StopProducten><StopProduct><ToewijzingNummer>${product.assignment}</ToewijzingNummer><Product><Categorie>${product.category}</Categorie></Product><ToewijzingIngangsdatum>${product.start}</ToewijzingIngangsdatum><Begindatum>${product.start}</Begindatum><RedenBeeindiging>${product.reason}</RedenBeeindiging><Einddatum>${product.end}</Einddatum><StatusAanlevering>1</StatusAanlevering></StopProduct></StopProducten>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/${schema}/schema">
  <Header><BerichtCode>${code}</BerichtCode><BerichtVersie>3</BerichtVersie><BerichtSubversie>2</BerichtSubversie>
    <Afzender>98765432</Afzender><Ontvanger>0599</Ontvanger>
    <BerichtIdentificatie><Identificatie>${id}</Identificatie><Dagtekening>${product.end || product.start}</Dagtekening></BerichtIdentificatie>
    <XsdVersie><BasisschemaXsdVersie>1.0.0</BasisschemaXsdVersie><BerichtXsdVersie>1.0.0</BerichtXsdVersie></XsdVersie></Header>
  <Client><Bsn>${youth.bsn}</Bsn><Geboortedatum><Datum>${youth.birthDate}</Datum><DatumGebruik>1</DatumGebruik></Geboortedatum><Geslacht>2</Geslacht>
    <Naam><Geslachtsnaam><Achternaam>${youth.familyName}</Achternaam></Geslachtsnaam><Voorletters>${youth.givenName[0]}</Voorletters><NaamGebruik>1</NaamGebruik></Naam>
    ${products}</Client>
</Bericht>`;
}

function raadsbericht(id, youth, uitspraak) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<raadsbericht xmlns="urn:nl:rvdk:zorgtafel:raadsbericht:1" berichtId="${id}" verzonden="${uitspraak.datum}T16:40:00+02:00">
  <jeugdige><bsn>${youth.bsn}</bsn><voornamen>${youth.givenName}</voornamen><achternaam>${youth.familyName}</achternaam><geboortedatum>${youth.birthDate}</geboortedatum></jeugdige>
  <uitspraak><zaaknummer>${uitspraak.zaak}</zaaknummer><datum>${uitspraak.datum}</datum><maatregel>${uitspraak.maatregel}</maatregel>
    <ingangsdatum>${uitspraak.ingang}</ingangsdatum><einddatum>${uitspraak.eind}</einddatum><toegewezen>true</toegewezen></uitspraak>
</raadsbericht>`;
}

function addDays(iso, days) {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function todayInAmsterdam() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/**
 * Noor's story: a school drop-out and a loverboy and a runaway signal before anyone acted,
 * ambulant GGZ care and residential care at Horizon that both ended early, another runaway,
 * an OTS, and now a crisis.
 * Sem is known to MEE only. Yara and Jara (no BSN) may be one girl. Lotte's case was closed
 * and she came back; Mila's was closed and she did not.
 */
export async function seed(platform) {
  const coordinator = basic(PEOPLE.coordinator);
  const ggz = basic(PEOPLE.ggz);
  const mee = basic(PEOPLE.mee);
  const bearer = (id) => `Bearer ${platform.tokens[id]}`;
  const story = {};

  const first = await call(platform, '/signals', { method: 'POST', auth: mee, body: signal(NOOR, 'school-dropout', 'normal',
    'Komt al weken niet op school; zegt dat ze "werk" heeft.', '2024-03-11', 'MEE-2024-0311') });
  story.noorCaseId = first.caseId;
  story.noorYouthId = first.youthId;
  await call(platform, '/partners/ggz/messages', { method: 'POST', auth: bearer('ggz'), type: 'application/fhir+json',
    body: ggzBundle('ggz-ui-0001', NOOR,
      { category: 'loverboy', summary: 'Vriend van 24 haalt haar op na de behandeling en betaalt haar telefoon', observedOn: '2024-06-20' },
      { kind: 'Ambulante behandeling jeugd-GGZ', start: '2024-09-02', end: '2025-02-14', status: 'cancelled' }) });
  await call(platform, '/signals', { method: 'POST', auth: mee, body: signal(NOOR, 'runaway', 'normal',
    'Drie nachten niet thuis geweest, telefoon uit.', '2024-07-15', 'MEE-2024-0715') });
  await call(platform, '/partners/horizon/messages', { method: 'POST', auth: bearer('horizon'), type: 'application/xml',
    body: jw30x(438, 'HZ-UI-0001', NOOR, { assignment: '20250303001', category: 43, start: '2025-03-03' }) });
  await call(platform, '/partners/horizon/messages', { method: 'POST', auth: bearer('horizon'), type: 'application/xml',
    body: jw30x(440, 'HZ-UI-0002', NOOR, { assignment: '20250303001', category: 43, start: '2025-03-03', end: '2025-06-27', reason: 33 }) });
  await call(platform, '/signals', { method: 'POST', auth: mee, body: signal(NOOR, 'runaway', 'normal',
    'Weggelopen uit de woongroep; komt na twee dagen terug met nieuwe kleren.', '2025-04-18', 'MEE-2025-0418') });
  await call(platform, '/partners/rvdk/messages', { method: 'POST', auth: bearer('rvdk'), type: 'application/xml',
    body: raadsbericht('RVDK-UI-0001', NOOR, { zaak: 'RT-2025-207', datum: '2025-07-10', maatregel: 'ots', ingang: '2025-07-10', eind: '2026-07-10' }) });
  await call(platform, '/partners/jbrr/messages', { method: 'POST', auth: bearer('jbrr'), body: {
    messageId: 'JBRR-UI-0001',
    signals: [signal(NOOR, 'prostitution', 'crisis', 'Aangetroffen in een woning in Rotterdam-Zuid waar prostitutie plaatsvindt.',
      '2026-10-30', 'JBRR-2026-1030')],
  } });

  const sem = await call(platform, '/signals', { method: 'POST', auth: mee, body: signal(SEM, 'exploitation-suspected', 'normal',
    'Werkt "bij een kennis" in de horeca, zestig uur per week, zonder loon.', '2026-09-14', 'MEE-2026-0914') });
  story.semCaseId = sem.caseId;

  await call(platform, '/signals', { method: 'POST', auth: coordinator, body: signal(YARA, 'runaway', 'normal',
    'Weggelopen uit de opvang; vriendinnen noemen een adres in Schiedam.', '2026-10-01', 'JBRR-2026-1001') });
  await call(platform, '/signals', { method: 'POST', auth: ggz, body: signal(JARA, 'loverboy', 'normal',
    'Meldt zich bij de huisarts met een oudere "vriend" die het woord doet.', '2026-10-12', 'GGZ-2026-1012') });

  const lotte = await call(platform, '/signals', { method: 'POST', auth: ggz, body: signal(LOTTE, 'other', 'normal',
    'Zorgen over contacten via sociale media.', '2026-05-04', 'GGZ-2026-0504') });
  story.lotteFirstCaseId = lotte.caseId;
  await call(platform, `/cases/${lotte.caseId}/close`, { method: 'POST', auth: coordinator,
    body: { reason: 'Zorg loopt via de huisarts; geen zorgen meer.' } });
  const back = await call(platform, '/signals', { method: 'POST', auth: mee, body: signal(LOTTE, 'loverboy', 'normal',
    'Opnieuw gezien met dezelfde oudere man.', addDays(todayInAmsterdam(), -3), 'MEE-2026-1125') });
  story.lotteCaseId = back.caseId;

  const mila = await call(platform, '/signals', { method: 'POST', auth: ggz, body: signal(MILA, 'runaway', 'normal',
    'Twee keer weggelopen uit de gezinshuisvoorziening.', '2026-06-01', 'GGZ-2026-0601') });
  await call(platform, `/cases/${mila.caseId}/close`, { method: 'POST', auth: coordinator,
    body: { reason: 'Woont weer thuis; hulp via het wijkteam.' } });

  // an agreement from before, already overdue, so that the filter and the timeline show one
  await call(platform, `/cases/${story.noorCaseId}/agreements`, { method: 'POST', auth: coordinator, body: {
    description: 'Gesprek met moeder over de nieuwe vriend', ownerPartner: 'mee', dueDate: addDays(todayInAmsterdam(), -10) } })
    .catch(() => undefined);
  return story;
}

/**
 * A partner professional registers a signal today (a crisis or not) through the API, as the
 * partner's own system would; answers {caseId, youthId}.
 */
export async function signalFrom(platform, person, youth, { urgency, category, summary, reference }) {
  return call(platform, '/signals', { method: 'POST', auth: basic(person), body: signal(youth, category, urgency, summary,
    todayInAmsterdam(), reference) });
}

/** Waits until the coordinator has an open alert about the case (the platform looks every second in the tests). */
export async function alertAbout(platform, caseId, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { items } = await call(platform, '/alerts', { auth: basic(PEOPLE.coordinator) });
    const alert = items.find((item) => item.caseId === caseId);
    if (alert) return alert;
    await new Promise((resolve) => { setTimeout(resolve, 500); });
  }
  throw new Error(`no alert about case ${caseId} within ${timeoutMs} ms`);
}
