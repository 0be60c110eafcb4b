// Posters on the real app: a poster session whose posters name it (RELATED-TO) and their boards is
// imported; the session opens to its posters in board order; "Only my targets' posters" leaves the
// target's; marking it to visit makes the walking list; the target's card on People names the
// poster with its board and hour. Then the walking times of My agenda: a walk set between two
// rooms is kept and shown again when the dialog opens next.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, tempDb, cli, byTestId, screenshot, texts, axeProblems } from '../lib/app.mjs';

const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

// The congress starts tomorrow, so that the poster is still to come whenever the suite runs.
const day = new Date(Date.now() + 86400000);
const ymd = (d) => d.toISOString().slice(0, 10);
const [first, last] = [ymd(day), ymd(new Date(day.getTime() + 3 * 86400000))];
const icsDay = first.replaceAll('-', '');
const weekday = new Date(`${first}T23:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', timeZone: 'America/New_York' });
const event = (uid, start, end, title, room, extra) =>
  `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTART:${icsDay}T${start}00Z\r\nDTEND:${icsDay}T${end}00Z\r\nSUMMARY:${title}\r\n` +
  `LOCATION:${room}\r\n${extra}END:VEVENT\r\n`;
const poster = (n, board, title, who) =>
  event(`poster-${n}`, '2300', '2359', title, 'Hall G', `RELATED-TO:poster-session\r\nX-POSTER-BOARD:${board}\r\nCATEGORIES:Poster\r\nDESCRIPTION:Speakers: ${who}\r\n`);
const ics =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//EN\r\n' +
  event('poster-session', '2300', '2359', 'Poster Session I: Myeloma', 'Hall G', 'CATEGORIES:Poster\r\n') +
  poster(1, 'I-120', 'MRD after CAR-T in myeloma', 'Ana Sánchez') +
  poster(2, 'I-7', 'Frailty scores in older patients', 'Ben Okafor') +
  poster(3, 'I-45', 'Quadruplets in the real world', 'Cleo Dubois') +
  event('oral', '1400', '1530', 'Oral session: Myeloma', 'Hall A', 'CATEGORIES:Oral\r\n') +
  'END:VCALENDAR\r\n';
const file = join(mkdtempSync(join(tmpdir(), 'hallway-posters-')), 'posters.ics');
writeFileSync(file, ics);

test('a poster session opens to its posters by board; my targets\' posters filter; a visit makes the walking list', async () => {
  cli(db, 'congress', 'add', '--name', 'ASH 2026', '--short-name', 'ASH26', '--starts', first, '--ends', last,
    '--time-zone', 'America/New_York');
  const report = cli(db, 'program', 'import', '--congress', 'ASH26', file);
  assert.equal(report.added, 5, JSON.stringify(report));
  cli(db, 'target', 'set', '--congress', 'ASH26', 'Ana Sánchez', '--priority', 'must', '--why', 'peer');

  browser = await launch(db);
  await (await byTestId(browser, 'nav-program')).click();
  await (await byTestId(browser, 'view-list')).click();
  await (await byTestId(browser, 'day-tab')).waitForDisplayed({ timeout: 10000 });
  const row = await browser.$('[data-testid="session-row"][data-key*="poster-session"]');
  await row.waitForDisplayed({ timeout: 10000 });
  await (await row.$('button.title-button')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="session-talk"]')).length === 3, { timeout: 10000 });
  const boards = async () =>
    browser.execute(() => [...document.querySelectorAll('[data-testid="session-talk"] .when')].map((e) => e.textContent.trim()));
  // Each poster: its board, then the hour its presenter stands at it (venue time).
  assert.deepEqual(
    await boards(),
    ['Board I-7 · 18:00–18:59 EST', 'Board I-45 · 18:00–18:59 EST', 'Board I-120 · 18:00–18:59 EST'],
    'in board order, numbers as numbers, each with the presenter\'s hour',
  );

  await (await byTestId(browser, 'poster-targets')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="session-talk"]')).length === 1, { timeout: 10000 });
  const mine = await browser.$('[data-testid="session-talk"]');
  assert.match(await mine.getText(), /MRD after CAR-T in myeloma/);
  assert.match(await mine.getText(), /Ana Sánchez/);
  await (await mine.$('[data-testid="attend-toggle"]')).click();
  const walk = await byTestId(browser, 'poster-walk');
  await walk.waitForDisplayed({ timeout: 10000 });
  assert.equal(await walk.getText(), 'To visit, in board order: I-120');
  await screenshot(browser, 'poster-session');
  assert.deepEqual(await axeProblems(browser, 'poster session filtered to my targets'), []);
});

test('the target\'s card names their poster with its board and the hour they stand at it', async () => {
  await browser.keys('Escape');
  await (await byTestId(browser, 'nav-people')).click();
  await (await byTestId(browser, 'people-tab-targets')).click();
  const card = await browser.$('[data-testid="target-poster"]');
  await card.waitForDisplayed({ timeout: 10000 });
  assert.match(await card.getText(), new RegExp(`Board I-120 · ${weekday} 18:00–18:59 · Hall G · MRD after CAR-T in myeloma$`));
});

test('walking times: a walk between two rooms is set in My agenda and kept', async () => {
  await (await byTestId(browser, 'nav-program')).click();
  await (await byTestId(browser, 'view-agenda')).click();
  await (await byTestId(browser, 'walking-times-open')).click();
  const dialog = await byTestId(browser, 'walking-times-dialog');
  await dialog.waitForDisplayed({ timeout: 10000 });
  await (await byTestId(browser, 'walk-to')).selectByVisibleText('Hall G');
  const minutes = await byTestId(browser, 'walk-minutes');
  await minutes.clearValue();
  await minutes.addValue('12');
  await (await byTestId(browser, 'walk-pair-add')).click();
  await browser.waitUntil(async () => (await texts(browser, 'walk-pair')).length === 1, { timeout: 10000 });
  assert.match((await texts(browser, 'walk-pair'))[0], /^Hall A\s*↔\s*(and\s*)?Hall G\s*12 min/);
  await screenshot(browser, 'walking-times');
  assert.deepEqual(await axeProblems(browser, 'walking times dialog'), []);
  await browser.keys('Escape');
  await (await byTestId(browser, 'walking-times-open')).click();
  await browser.waitUntil(async () => (await texts(browser, 'walk-pair')).length === 1, { timeout: 10000, timeoutMsg: 'the walk was not kept' });
});
