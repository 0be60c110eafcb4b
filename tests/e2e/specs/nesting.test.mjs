// Nesting inferred where a program links nothing (issue 17), on the real app: a flat program whose
// talks lie inside the oral session of their room is imported; the report says how many were
// placed; the Program shows the session with its talks inside and the switch; switched off, the
// talks stand on their own again (in the database too), and back on they are placed again.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, tempDb, cli, byTestId, screenshot, axeProblems } from '../lib/app.mjs';

const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

const event = (uid, start, end, room) =>
  `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTART:20261206T${start}00Z\r\nDTEND:20261206T${end}00Z\r\nSUMMARY:${uid}\r\n` +
  `LOCATION:${room}\r\nEND:VEVENT\r\n`;
const ics =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//EN\r\n' +
  event('Oral 101 Myeloma', '1400', '1530', 'Hall A') +
  event('Talk one', '1400', '1415', 'Hall A') +
  event('Talk two', '1415', '1430', ' hall a') +
  event('Elsewhere', '1400', '1415', 'Hall B') +
  'END:VCALENDAR\r\n';
const file = join(mkdtempSync(join(tmpdir(), 'hallway-nesting-')), 'flat.ics');
writeFileSync(file, ics);

const rows = () => browser.execute(() => document.querySelectorAll('[data-testid="session-row"]').length);
const parents = () => cli(db, 'program', 'list', '--congress', 'ASH26', '--json').filter((s) => s.parent !== null).length;

test('a flat program is nested where talks lie inside a session of their room, said so, and switchable', async () => {
  cli(db, 'congress', 'add', '--name', 'ASH 2026', '--short-name', 'ASH26', '--starts', '2026-12-05', '--ends',
    '2026-12-08', '--time-zone', 'America/New_York');
  const report = cli(db, 'program', 'import', '--congress', 'ASH26', file);
  assert.equal(report.inferred_parents, 2, JSON.stringify(report));
  assert.ok(report.notes.some((n) => /^Placed 2 talks inside the session around them/.test(n)), JSON.stringify(report.notes));

  browser = await launch(db);
  await (await byTestId(browser, 'nav-program')).click();
  await (await byTestId(browser, 'view-list')).click();
  await (await byTestId(browser, 'day-tab')).waitForDisplayed({ timeout: 10000 });
  await (await browser.$$('[data-testid="day-tab"]'))[1].click();
  await browser.waitUntil(async () => (await rows()) === 2, { timeout: 10000, timeoutMsg: 'the session and the talk elsewhere' });
  assert.equal(await (await byTestId(browser, 'session-talk-count')).getText(), '2 talks inside');
  const box = await byTestId(browser, 'program-nesting');
  assert.equal(await box.isSelected(), true);
  assert.match(await (await byTestId(browser, 'program-nesting-count')).getText(), /2 placed this way/);
  await screenshot(browser, 'program-nesting');
  assert.deepEqual(await axeProblems(browser, 'program with inferred nesting'), []);

  await box.click();
  await browser.waitUntil(async () => (await rows()) === 4, { timeout: 10000, timeoutMsg: 'the talks did not come back on their own' });
  assert.equal(parents(), 0);
  await (await byTestId(browser, 'program-nesting')).click();
  await browser.waitUntil(async () => (await rows()) === 2, { timeout: 10000, timeoutMsg: 'the talks were not placed again' });
  assert.equal(parents(), 2);
});
