// Sessions that hold their talks, end to end on the real app: a program whose talks name their
// session (iCalendar RELATED-TO) and list their speakers as attendees is imported; the list shows
// the session with its talks inside, the speakers came in (not the calendar's owner); attending
// the session and one of its talks is no clash, while another session at the same time is; a
// search finds a talk and names its session. Then the program changes: re-imported with the session
// moved, the Program says exactly what changed of my plan, before and after, until I have seen it.
// Last, the program by its address: served here with an ETag, subscribed to, refreshed unchanged
// (a 304, nothing imported) and changed (what changed of the plan announced).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, tempDb, cli, byTestId, screenshot, texts, axeProblems, importProgramPath } from '../lib/app.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
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

test('subscribe to the program by its address; a refresh of an unchanged one imports nothing, of a changed one says what changed', async () => {
  let body = readFileSync(file, 'utf8');
  let version = 1;
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.headers['if-none-match'] ?? null);
    if (req.headers['if-none-match'] === `"v${version}"`) {
      res.writeHead(304).end();
    } else {
      res.writeHead(200, { 'Content-Type': 'text/calendar', ETag: `"v${version}"` }).end(body);
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}/ash2026.ics`;
  cli(db, 'congress', 'add', '--name', 'ASH 2027', '--short-name', 'ASH27', '--starts', '2026-12-05', '--ends',
    '2026-12-08', '--time-zone', 'America/New_York');
  // The app's current congress stays ASH26; the command line subscribes ASH27 as a script would.
  // Asynchronous: the server answering is in this process, whose event loop a synchronous call would block.
  const cliAsync = async (...args) => JSON.parse((await promisify(execFile)(process.env.HALLWAY_CLI, ['--db', db, ...args])).stdout);
  const first = await cliAsync('program', 'subscribe', '--congress', 'ASH27', url);
  assert.equal(first.added, 5);
  const unchanged = await cliAsync('program', 'refresh', '--congress', 'ASH27', '--json');
  assert.deepEqual([unchanged.added, unchanged.updated, unchanged.withdrawn], [0, 0, 0]);
  assert.deepEqual(requests, [null, '"v1"'], 'the second request carried the ETag and was answered 304');

  // In the app: subscribe ASH26 to the address, refresh it unchanged, then changed.
  await importOrSubscribe(url);
  const status = await byTestId(browser, 'import-report');
  await browser.waitUntil(async () => /Imported from ash2026\.ics/.test(await status.getText()), { timeout: 15000 });
  const line = await byTestId(browser, 'program-subscription');
  await line.waitForDisplayed({ timeout: 10000 });
  assert.match(await line.getText(), new RegExp(`From ${url.replace(/[.]/g, '\\.')}`));
  await (await byTestId(browser, 'program-refresh')).click();
  await browser.waitUntil(async () => /has not changed since it was last fetched/.test(await status.getText()), { timeout: 15000 });
  version = 2;
  body = body.replace('LOCATION:Room 7B', 'LOCATION:Room 9C').replace('LOCATION:Room 6A', 'LOCATION:Room 9C');
  await (await byTestId(browser, 'program-refresh')).click();
  const notice = await byTestId(browser, 'program-changes');
  await notice.waitForDisplayed({ timeout: 15000, timeoutMsg: 'the change of room was not announced' });
  await screenshot(browser, 'program-subscription');
});

async function importOrSubscribe(url) {
  if (!(await (await byTestId(browser, 'subscribe-url')).isDisplayed())) {
    await (await byTestId(browser, 'subscribe-url-open')).click();
  }
  await (await byTestId(browser, 'subscribe-url')).addValue(url);
  await (await byTestId(browser, 'subscribe-url-submit')).click();
}
