// Sessions that hold their talks, end to end on the real app: a program whose talks name their
// session (iCalendar RELATED-TO) and list their speakers as attendees is imported; the list shows
// the session with its talks inside, the speakers came in (not the calendar's owner); attending
// the session and one of its talks is no clash, while another session at the same time is; a
// search finds a talk and names its session.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, tempDb, cli, byTestId, screenshot, texts, axeProblems } from '../lib/app.mjs';

const file = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/program/ics/nested_sessions.ics');
const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

const rowKeys = () =>
  browser.execute(() => [...document.querySelectorAll('[data-testid="session-row"]')].map((r) => r.dataset.key));

test('a program of sessions holding talks imports with its speakers and shows sessions in the list', async () => {
  cli(db, 'congress', 'add', '--name', 'ASH 2026', '--short-name', 'ASH26', '--starts', '2026-12-05', '--ends',
    '2026-12-08', '--time-zone', 'America/New_York');
  const report = cli(db, 'program', 'import', '--congress', 'ASH26', file);
  assert.equal(report.added, 5);
  assert.equal(report.people_added, 3, JSON.stringify(report));
  const listed = cli(db, 'program', 'list', '--congress', 'ASH26', '--json');
  const oral = listed.find((s) => s.title.startsWith('Oral 101'));
  assert.deepEqual(listed.filter((s) => s.parent === oral.key).length, 3);

  browser = await launch(db);
  await (await byTestId(browser, 'nav-program')).click();
  await (await byTestId(browser, 'view-list')).click();
  await (await byTestId(browser, 'day-tab')).waitForDisplayed({ timeout: 10000 });
  const sunday = (await browser.$$('[data-testid="day-tab"]'))[1];
  await sunday.click();
  await browser.waitUntil(async () => (await rowKeys()).length === 2, { timeout: 10000, timeoutMsg: 'the two sessions, not the talks' });
  assert.deepEqual((await texts(browser, 'session-talk-count')), ['3 talks inside']);
});

test('attending the session and one of its talks is no clash; a session elsewhere at that time is', async () => {
  const row = await browser.$('[data-testid="session-row"][data-key*="oral-101"]');
  await (await row.$('button.title-button')).click();
  const detail = await byTestId(browser, 'session-detail');
  await detail.waitForDisplayed({ timeout: 10000 });
  await browser.waitUntil(async () => (await browser.$$('[data-testid="session-talk"]')).length === 3, { timeout: 10000 });
  await (await detail.$('[data-testid="attend-toggle"]')).click();
  const talks = await browser.$$('[data-testid="session-talk"]');
  assert.match(await talks[0].getText(), /Ana Sánchez/);
  await (await talks[1].$('[data-testid="attend-toggle"]')).click();
  await browser.waitUntil(
    () => cli(db, 'program', 'list', '--congress', 'ASH26', '--json').filter((s) => s.attendance === 'attending').length === 2,
    { timeout: 10000, timeoutMsg: 'session and talk not both attending' },
  );
  await screenshot(browser, 'session-talks');
  assert.deepEqual(await axeProblems(browser, 'session with its talks'), []);
  assert.equal((await browser.$$('[data-testid="detail-clash"]')).length, 0, 'the session does not clash with its own talk');

  // The education session at the same time clashes with the oral session.
  await browser.keys('Escape');
  const edu = await browser.$('[data-testid="session-row"][data-key*="edu-1"]');
  await (await edu.$('[data-testid="attend-toggle"]')).click();
  const oralMark = await browser.$('[data-testid="session-row"][data-key*="oral-101"] [data-testid="clash-mark"]');
  await oralMark.waitForDisplayed({ timeout: 10000, timeoutMsg: 'the sessions in two rooms at once do not clash' });
  assert.match(await oralMark.getText(), /^Clashes with Education: Anticoagulation Dilemmas$/, 'and not with its own talk');
});

test('a search finds a talk and names the session it is in', async () => {
  const search = await byTestId(browser, 'program-search');
  await search.addValue('bispecifics');
  const part = await byTestId(browser, 'session-part-of');
  await part.waitForDisplayed({ timeout: 10000 });
  assert.equal(await part.getText(), 'In Oral 101: Myeloma - Novel Therapies');
});
