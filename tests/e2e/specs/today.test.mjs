// Today end to end on the real app, with a congress running right now: the
// app opens on Today, shows what is on now and the next meeting with a
// countdown, lists who is still to meet, snoozes a target, logs "met
// someone" new in two fields, marks the meeting done, and reads in a 420 px
// window. What was stored is checked through hallway-cli.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launch, tempDb, cli, fill, byTestId, screenshot, texts } from '../lib/app.mjs';

const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const C = 'ASH26';
const targets = () => cli(db, 'target', 'list', '--congress', C, '--json');

test('while the congress runs the app opens on Today with now and next', async () => {
  // Yesterday to tomorrow (UTC dates), so "now" is inside it in any venue zone near UTC.
  cli(db, 'congress', 'add', '--name', 'ASH 2026', '--short-name', C, '--series', 'ash', '--starts', day(-1), '--ends',
    day(1), '--time-zone', 'Europe/London');
  const csv = join(dirname(db), 'program.csv');
  const rows = [-1, 0, 1].map((d) => `Poster hall open ${day(d)},${day(d)},00:00,23:59,Hall P,Poster,`);
  writeFileSync(csv, ['Title,Date,Start,End,Room,Session Type,Speakers', ...rows].join('\n'));
  cli(db, 'program', 'import', '--congress', C, csv);
  // Attend only today's (venue date): tomorrow's would otherwise come before the meeting near midnight.
  const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const todays = cli(db, 'program', 'list', '--congress', C, '--json').find((s) => s.title.endsWith(london));
  cli(db, 'program', 'attend', '--congress', C, todays.key);
  cli(db, 'people', 'add', '--name', 'Ana Sánchez', '--institution', 'Universidad de Salamanca');
  cli(db, 'people', 'add', '--name', 'Kari Ødegård', '--institution', 'Oslo University Hospital');
  cli(db, 'target', 'set', '--congress', C, 'Ana Sánchez', '--priority', 'must', '--why', 'mentor');
  cli(db, 'target', 'set', '--congress', C, 'Kari Ødegård', '--priority', 'should', '--why', 'collaborator');
  const start = new Date(Date.now() + 20 * 60000);
  start.setUTCSeconds(0, 0);
  cli(db, 'meeting', 'add', '--congress', C, '--with', 'Ana Sánchez', '--start', start.toISOString(), '--minutes', '30',
    '--title', 'Coffee with Ana', '--place', 'Café Forum');

  browser = await launch(db);
  const screen = await byTestId(browser, 'today-screen');
  await screen.waitForDisplayed({ timeout: 10000 });
  assert.match(await (await byTestId(browser, 'today-now')).getText(), /Poster hall open/);
  const next = await byTestId(browser, 'today-next');
  assert.match(await next.getText(), /Coffee with Ana/);
  assert.match(await next.getText(), /Café Forum/);
  assert.equal(await next.getAttribute('data-item-type'), 'meeting');
  assert.match(await (await byTestId(browser, 'today-countdown')).getText(), /\d/);
  const names = await texts(browser, 'today-target');
  assert.ok(names[0].includes('Ana Sánchez'), 'must-meet first');
  assert.ok(names.some((n) => n.includes('Kari Ødegård')));
  await screenshot(browser, 'today');
});

test('snooze a target for an hour', async () => {
  const kari = targets().find((t) => t.display_name === 'Kari Ødegård');
  const row = await browser.$(`[data-testid="today-target"][data-target-id="${kari.id}"]`);
  await (await row.$('[data-testid="target-snooze"]')).click();
  await (await byTestId(browser, 'snooze-hour')).click();
  await row.waitForExist({ reverse: true, timeout: 10000 });
  const until = Date.parse(targets().find((t) => t.id === kari.id).snoozed_until);
  assert.ok(until > Date.now() + 50 * 60000 && until < Date.now() + 70 * 60000, `snoozed until ${until}`);
});

test('met someone new, in two fields', async () => {
  const before = cli(db, 'stats', '--json');
  await (await byTestId(browser, 'met-someone')).click();
  await (await byTestId(browser, 'met-new')).click();
  await fill(browser, 'met-name', 'Jürgen Müller');
  await fill(browser, 'met-institution', 'Charité Berlin');
  await fill(browser, 'met-note', 'Talked about CAR-T access in Germany');
  await (await byTestId(browser, 'met-save')).click();
  await (await byTestId(browser, 'met-save')).waitForExist({ reverse: true, timeout: 10000 });
  const after = cli(db, 'stats', '--json');
  assert.equal(after.people, before.people + 1);
  assert.equal(after.interactions, before.interactions + 1);
  const [found] = cli(db, 'people', 'search', 'muller', '--json');
  assert.equal(found.institution, 'Charité Berlin');
  assert.ok(cli(db, 'followups', '--json').some((f) => f.display_name === 'Jürgen Müller'));
});

test('mark the next meeting done and Ana is met', async () => {
  const done = await byTestId(browser, 'today-done');
  await done.click();
  const dialog = await byTestId(browser, 'meeting-done-dialog');
  await dialog.waitForDisplayed({ timeout: 10000 });
  await (await byTestId(browser, 'done-skip')).click();
  await dialog.waitForDisplayed({ reverse: true, timeout: 10000 });
  assert.equal(targets().find((t) => t.display_name === 'Ana Sánchez').status, 'met');
  await browser.waitUntil(async () => !(await texts(browser, 'today-target')).some((t) => t.includes('Ana Sánchez')), {
    timeout: 10000,
    timeoutMsg: 'Ana is still listed as to meet',
  });
});

test('Today reads in a 420 px window without sideways scrolling', async () => {
  await browser.setWindowSize(420, 800);
  await browser.waitUntil(
    async () => (await browser.execute(() => document.documentElement.clientWidth)) <= 420,
    { timeout: 5000 },
  );
  const overflow = await browser.execute(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  assert.ok(await (await byTestId(browser, 'today-now')).isDisplayed());
  await screenshot(browser, 'today-narrow');
});
