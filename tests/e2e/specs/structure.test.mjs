// Sessions that hold their talks, end to end on the real app: a program whose talks name their
// session (iCalendar RELATED-TO) and list their speakers as attendees is imported; the list shows
// the session with its talks inside, the speakers came in (not the calendar's owner); attending
// the session and one of its talks is no clash, while another session at the same time is; a
// search finds a talk and names its session. Then the program changes: re-imported with the session
// moved, the Program says exactly what changed of my plan, before and after, until I have seen it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, tempDb, cli, byTestId, screenshot, texts, axeProblems, importProgramPath } from '../lib/app.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

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

test('a re-import says what changed of my plan, before and after, until seen', async () => {
  await browser.keys('Escape'); // leave the search
  const moved = join(tmpdir(), `hallway-e2e-moved-${process.pid}.ics`);
  writeFileSync(moved, readFileSync(file, 'utf8')
    .replace('DTSTART:20261206T190000Z\r\nDTEND:20261206T203000Z\r\nSUMMARY:Oral 101', 'DTSTART:20261206T200000Z\r\nDTEND:20261206T213000Z\r\nSUMMARY:Oral 101')
    .replace('LOCATION:Room 6A', 'LOCATION:Room 7B'));
  await importProgramPath(browser, moved);
  const notice = await byTestId(browser, 'program-changes');
  await notice.waitForDisplayed({ timeout: 15000, timeoutMsg: 'no word of the changes' });
  assert.match(await notice.getText(), /2 changes to your plan since the last import/);
  await (await byTestId(browser, 'program-changes-open')).click();
  await (await byTestId(browser, 'program-changes-dialog')).waitForDisplayed({ timeout: 10000 });
  const kinds = await browser.execute(() => [...document.querySelectorAll('[data-testid="program-change"]')].map((c) => c.dataset.kind).sort());
  assert.deepEqual(kinds, ['moved', 'room']);
  const changes = cli(db, 'program', 'changes', '--congress', 'ASH26', '--json');
  const move = changes.find((c) => c.kind === 'moved');
  assert.deepEqual([move.before, move.after], ['Sun 6 Dec 14:00–15:30', 'Sun 6 Dec 15:00–16:30']);
  await screenshot(browser, 'program-changes');
  assert.deepEqual(await axeProblems(browser, 'what changed'), []);
  await (await byTestId(browser, 'program-changes-seen')).click();
  await notice.waitForDisplayed({ reverse: true, timeout: 10000 });
  assert.deepEqual(cli(db, 'program', 'changes', '--congress', 'ASH26', '--json'), []);
});
