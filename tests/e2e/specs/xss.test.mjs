// User text is text, never markup: 24 classic XSS payloads (script tags,
// event handlers, javascript: links, SVG, iframes, template and Svelte
// syntax) go into every free-text field the CLI and the importers reach —
// congress name, program titles, speakers, rooms, tracks and descriptions
// from a CSV, contact names, institutions and notes from a vCard, people,
// meetings — and into fields typed in the UI (a note on a person). Each
// payload tries to set `window.__xss`; after visiting every screen the test
// proves none ran, no element a payload would create exists, and the
// payloads are shown literally.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launch, tempDb, cli, fill, byTestId, screenshot } from '../lib/app.mjs';

const db = tempDb();
let browser;
let personId;
after(async () => browser?.deleteSession().catch(() => {}));

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg onload="window.__xss=3">',
  '<svg><script>window.__xss=4</script></svg>',
  'javascript:window.__xss=5',
  '"><img src=x onerror=window.__xss=6>',
  "'><svg/onload=window.__xss=7>",
  '<iframe src="javascript:parent.__xss=8"></iframe>',
  '<a href="javascript:window.__xss=9">click</a>',
  '<body onload=window.__xss=10>',
  '<details open ontoggle=window.__xss=11>',
  '<input autofocus onfocus=window.__xss=12>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=13>',
  "{{constructor.constructor('window.__xss=14')()}}",
  '${window.__xss=15}',
  "{@html '<img src=x onerror=window.__xss=16>'}",
  "<style>@import 'javascript:window.__xss=17'</style>",
  '<object data="javascript:window.__xss=18"></object>',
  '<embed src="javascript:window.__xss=19">',
  '<video><source onerror="window.__xss=20"></video>',
  '<marquee onstart=window.__xss=21>',
  'data:text/html,<script>window.__xss=22</script>',
  '<img src="x" onerror="&#119;indow.__xss=23">',
  '<scr<script>ipt>window.__xss=24</script>',
];

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const csvField = (s) => `"${s.replaceAll('"', '""')}"`;
const vcardText = (s) => s.replaceAll('\\', '\\\\').replaceAll(',', '\\,').replaceAll(';', '\\;');

/** Nothing ran, and nothing a payload would create is in the page. */
async function assertInert(where) {
  const found = await browser.execute(() => ({
    marker: window.__xss ?? null,
    injected: document.querySelectorAll(
      'main img[src="x"], main iframe, main object, main embed, main marquee, main details[ontoggle], main svg[onload], main input[onfocus], main a[href^="javascript"], main video source',
    ).length,
  }));
  assert.deepEqual(found, { marker: null, injected: 0 }, `after ${where}`);
}

async function visit(nav, ready) {
  await (await byTestId(browser, nav)).click();
  await (await byTestId(browser, ready)).waitForDisplayed({ timeout: 10000 });
  await browser.pause(300);
  await assertInert(nav);
}

test('payloads from the CLI and the importers stay text on every screen', async () => {
  const C = 'XSS26';
  cli(db, 'congress', 'add', '--name', `ASH ${PAYLOADS[1]}`, '--short-name', C, '--starts', day(-1), '--ends', day(2),
    '--time-zone', 'Europe/London', '--city', PAYLOADS[2], '--venue', PAYLOADS[3]);
  const dir = dirname(db);
  const csv = join(dir, 'program.csv');
  const rows = PAYLOADS.map((p, i) =>
    [csvField(`Session ${i} ${p}`), day(i % 3), '09:00', '10:00', csvField(p), csvField(p), 'Oral',
      csvField(`Speaker${i} ${p.replaceAll(',', ' ').replaceAll(';', ' ')}`), csvField(p), csvField(p)].join(','));
  writeFileSync(csv, ['Title,Date,Start,End,Room,Track,Session Type,Speakers,Description,URL', ...rows].join('\n'));
  cli(db, 'program', 'import', '--congress', C, csv);
  for (const s of cli(db, 'program', 'list', '--congress', C, '--json').slice(0, 6)) {
    cli(db, 'program', 'attend', '--congress', C, s.key);
  }
  const vcf = join(dir, 'contacts.vcf');
  writeFileSync(vcf, PAYLOADS.map((p, i) => [
    'BEGIN:VCARD', 'VERSION:3.0', `FN:Contact${i} ${vcardText(p)}`, `N:Contact${i};${vcardText(p)};;;`,
    `ORG:${vcardText(p)}`, `TITLE:${vcardText(p)}`, `NOTE:${vcardText(p)}`, `EMAIL:c${i}@example.org`,
    `URL:${vcardText(p)}`, 'END:VCARD'].join('\r\n')).join('\r\n') + '\r\n');
  cli(db, 'people', 'import', vcf);
  const person = cli(db, 'people', 'add', '--name', `Dr ${PAYLOADS[0]}`, '--institution', PAYLOADS[8]);
  personId = person.id;
  cli(db, 'target', 'set', '--congress', C, String(person.id), '--priority', 'must', '--why', 'mentor', '--reason', PAYLOADS[9]);
  // Two minutes ahead, so the meeting is the next item whatever the hour.
  const soon = new Date(Date.now() + 2 * 60000);
  soon.setUTCSeconds(0, 0);
  cli(db, 'meeting', 'add', '--congress', C, '--with', String(person.id), '--start', soon.toISOString(), '--minutes', '30',
    '--title', PAYLOADS[10], '--place', PAYLOADS[11], '--purpose', PAYLOADS[12]);
  cli(db, 'goals', '--congress', C, '--adopt', 'all', '--json');

  browser = await launch(db);
  await browser.pause(500);
  await assertInert('start (Today)');
  await visit('nav-today', 'today-screen');
  // The payload is shown as the text it is.
  const todayText = await (await byTestId(browser, 'today-screen')).getText();
  assert.ok(todayText.includes(PAYLOADS[10]), todayText);
  await visit('nav-program', 'view-list');
  for (const view of ['view-list', 'view-agenda', 'view-grid']) {
    const tab = await browser.$(`[data-testid="${view}"]`);
    if (await tab.isExisting()) {
      await tab.click();
      await browser.pause(400);
      await assertInert(view);
    }
  }
  await (await byTestId(browser, 'view-list')).click();
  const row = await browser.$('[data-testid="session-row"]');
  await row.waitForDisplayed({ timeout: 10000 });
  await (await row.$('.title-button')).click();
  await (await byTestId(browser, 'session-detail')).waitForDisplayed({ timeout: 10000 });
  await browser.pause(400);
  await assertInert('session detail');
  // Imported addresses (javascript:, markup) are shown as text, never offered to open.
  const address = await byTestId(browser, 'link-address');
  await address.waitForDisplayed({ timeout: 10000 });
  assert.ok(PAYLOADS.includes(await address.getText()));
  assert.equal((await browser.$$('[data-testid="link-open"]')).length, 0);
  await visit('nav-people', 'people-search');
  await fill(browser, 'people-search', 'contact1');
  await browser.pause(400);
  await assertInert('people search');
  await visit('nav-meetings', 'meetings-screen');
  const dayTab = await browser.$('[data-testid="meetings-tab-day"]');
  await dayTab.click();
  await browser.pause(500);
  await assertInert('meetings day grid');
  await visit('nav-goals', 'goals-screen');
  await visit('nav-follow-ups', 'follow-ups-screen');
  await visit('nav-congresses', 'new-congress');
  await screenshot(browser, 'xss-inert');
});

test('payloads typed into the UI stay text', async () => {
  await (await byTestId(browser, 'nav-people')).click();
  await fill(browser, 'people-search', 'script');
  // Results settle as they arrive; retry a click that lands on a row being replaced.
  const note = await byTestId(browser, 'interaction-note');
  await browser.waitUntil(async () => {
    const row = await browser.$(`[data-testid="person-row"][data-person-id="${personId}"]`);
    if (await row.isExisting()) await row.click().catch(() => {});
    return note.waitForDisplayed({ timeout: 1500 }).then(() => true, () => false);
  }, { timeout: 15000, timeoutMsg: 'the person page did not open' });
  for (const p of PAYLOADS.slice(13)) {
    await fill(browser, 'interaction-note', p);
    await (await byTestId(browser, 'add-interaction')).click();
    await browser.pause(150);
  }
  await browser.waitUntil(async () => (await browser.$$('[data-testid="interaction-item"]')).length >= PAYLOADS.length - 13,
    { timeout: 10000 });
  await assertInert('notes typed on a person page');
  const shown = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="interaction-item"]')].map((e) => e.textContent).join('\n'));
  for (const p of PAYLOADS.slice(13)) assert.ok(shown.includes(p), `not shown literally: ${p}`);
});

test('the webview reaches only what its capability grants', async () => {
  const answers = await browser.executeAsync((done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke;
    const attempt = (cmd, args) => invoke(cmd, args).then(() => 'allowed', (e) => `refused: ${String(e).slice(0, 80)}`);
    Promise.all([
      attempt('plugin:event|listen', { event: 'program-import-progress', target: { kind: 'Any' }, handler: 1 }),
      attempt('plugin:window|close', { label: 'main' }),
      attempt('plugin:webview|create_webview_window', { options: { label: 'x', url: 'https://example.org' } }),
      attempt('plugin:app|app_hide', {}),
      attempt('plugin:opener|open_url', { url: 'https://example.org' }),
      attempt('plugin:notification|notify', { options: { title: 'x' } }),
    ]).then(done);
  });
  assert.equal(answers[0], 'allowed', 'the import progress event');
  for (const a of answers.slice(1)) assert.match(a, /^refused/);
});
