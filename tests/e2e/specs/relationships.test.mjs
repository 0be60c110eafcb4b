// Between congresses (issue 18) on the real app. With no congress running, the app opens on Keep in
// touch. A mentor's cadence is set on their page; contact last logged months ago makes them due;
// a call logged from Keep in touch takes them off the list. An introduction owed is recorded on a
// person's page and made from Keep in touch. A person met at an earlier congress who speaks at the
// next one is in People → Reconnect with where we met, and becomes a target in one click.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, tempDb, cli, byTestId, fill, screenshot, axeProblems } from '../lib/app.mjs';

const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

const DAY = 86400000;
const ymd = (ms) => new Date(ms).toISOString().slice(0, 10);
// The next congress is two months away whenever the suite runs; the last one was in June 2025.
const [next, nextEnd] = [ymd(Date.now() + 60 * DAY), ymd(Date.now() + 63 * DAY)];
const ics =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//EN\r\nBEGIN:VEVENT\r\nUID:talk-1\r\n' +
  `DTSTART:${next.replaceAll('-', '')}T150000Z\r\nDTEND:${next.replaceAll('-', '')}T151500Z\r\n` +
  'SUMMARY:CAR-T registries across Europe\r\nLOCATION:Room 6A\r\nDESCRIPTION:Speakers: Kari Ødegård\r\n' +
  'END:VEVENT\r\nEND:VCALENDAR\r\n';
const file = join(mkdtempSync(join(tmpdir(), 'hallway-touch-')), 'next.ics');
writeFileSync(file, ics);

async function openPerson(name) {
  await (await byTestId(browser, 'nav-people')).click();
  await (await byTestId(browser, 'people-tab-everyone')).click();
  await fill(browser, 'people-search', name);
  const page = await byTestId(browser, 'person-page');
  await browser.waitUntil(
    async () => {
      const row = await browser.$(`//*[@data-testid="person-row"][contains(., "${name}")]`);
      if (await row.isExisting()) await row.click().catch(() => {});
      return page.waitForDisplayed({ timeout: 1500 }).then(() => true, () => false);
    },
    { timeout: 10000, timeoutMsg: `the page of ${name} did not open` },
  );
  await browser.waitUntil(async () => (await (await byTestId(browser, 'person-name')).getText()).includes(name), { timeout: 5000 });
}

const checkInNames = () =>
  browser.execute(() => [...document.querySelectorAll('[data-testid="check-in-row"] [data-testid="check-in-open"]')].map((e) => e.textContent.trim()));

test('no congress running: the app opens on Keep in touch', async () => {
  cli(db, 'congress', 'add', '--name', 'EHA 2025', '--short-name', 'EHA25', '--starts', '2025-06-12', '--ends',
    '2025-06-15', '--time-zone', 'Europe/Madrid');
  cli(db, 'congress', 'add', '--name', 'ASH Next', '--short-name', 'ASHN', '--starts', next, '--ends', nextEnd,
    '--time-zone', 'America/New_York');
  cli(db, 'program', 'import', '--congress', 'ASHN', file);
  cli(db, 'interaction', 'add', 'Kari Ødegård', '--kind', 'met', '--on', '2025-06-13', '--congress', 'EHA25', '--note',
    'Her CAR-T registry wants Nordic sites');
  cli(db, 'people', 'add', '--name', 'Ana Sánchez', '--institution', 'Hospital Clínic');
  cli(db, 'people', 'add', '--name', 'Ben Okafor', '--institution', 'SWOG');
  // Last heard from Ana four months ago.
  cli(db, 'interaction', 'add', 'Ana Sánchez', '--kind', 'email', '--on', ymd(Date.now() - 120 * DAY));

  browser = await launch(db);
  await (await byTestId(browser, 'touch-screen')).waitForDisplayed({ timeout: 15000 });
  await screenshot(browser, 'keep-in-touch-empty');
});

test('a mentor\'s cadence set on their page makes them due; a call logged takes them off', async () => {
  await openPerson('Ana Sánchez');
  const choice = await byTestId(browser, 'cadence-choice');
  await choice.selectByAttribute('value', '3m');
  const status = await byTestId(browser, 'check-in-status');
  await browser.waitUntil(async () => /Overdue by/.test(await status.getText()), { timeout: 10000, timeoutMsg: 'not overdue' });
  const due = cli(db, 'checkins', '--due', '--json');
  assert.deepEqual(due.map((c) => c.name), ['Ana Sánchez']);
  assert.ok(due[0].overdue_days > 0, JSON.stringify(due));
  await screenshot(browser, 'person-keep-in-touch');
  assert.deepEqual(await axeProblems(browser, 'person page with relationships'), []);

  await (await byTestId(browser, 'nav-touch')).click();
  await browser.waitUntil(async () => (await checkInNames()).includes('Ana Sánchez'), { timeout: 10000 });
  await screenshot(browser, 'keep-in-touch');
  assert.deepEqual(await axeProblems(browser, 'keep in touch'), []);
  const row = await browser.$('[data-testid="check-in-row"]');
  await (await row.$('[data-testid="check-in-log"]')).click();
  const form = await byTestId(browser, 'log-contact-form');
  await form.waitForDisplayed({ timeout: 10000 });
  await (await byTestId(browser, 'log-contact-kind')).selectByAttribute('value', 'call');
  await (await byTestId(browser, 'log-contact-note')).setValue('Talked about the GEM trials');
  await (await byTestId(browser, 'log-contact-submit')).click();
  await browser.waitUntil(async () => !(await checkInNames()).includes('Ana Sánchez'), { timeout: 10000, timeoutMsg: 'still due' });
  assert.deepEqual(cli(db, 'checkins', '--due', '--json'), []);
});

test('an introduction owed, recorded on a page, is made from Keep in touch', async () => {
  await openPerson('Ana Sánchez');
  await (await byTestId(browser, 'intro-add')).click();
  await fill(browser, 'field-people-search', 'Ben');
  const option = await browser.$('[data-testid="people-option"]');
  await option.waitForDisplayed({ timeout: 10000 });
  await option.click();
  await (await byTestId(browser, 'intro-note')).setValue('Both run MRD-guided myeloma trials');
  await (await byTestId(browser, 'intro-save')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="person-intro"][data-status="owed"]')).length === 1, {
    timeout: 10000,
    timeoutMsg: 'the introduction owed is not on the page',
  });
  assert.equal(cli(db, 'intros', '--owed', '--json').length, 1);

  await (await byTestId(browser, 'nav-touch')).click();
  const owed = await byTestId(browser, 'owed-intro-row');
  await owed.waitForDisplayed({ timeout: 10000 });
  assert.match(await owed.getText(), /Ana Sánchez[\s\S]*Ben Okafor/);
  await (await owed.$('[data-testid="owed-intro-made"]')).click();
  await browser.waitUntil(async () => cli(db, 'intros', '--owed', '--json').length === 0, { timeout: 10000, timeoutMsg: 'still owed' });
});

test('someone met at an earlier congress who speaks at the next one is in Reconnect and becomes a target in one click', async () => {
  await (await byTestId(browser, 'nav-people')).click();
  await (await byTestId(browser, 'people-tab-reconnect')).click();
  const row = await browser.$('[data-testid="reconnect-row"]');
  await row.waitForDisplayed({ timeout: 10000 });
  const text = await row.getText();
  assert.match(text, /Kari Ødegård/);
  assert.match(text, /EHA 2025/);
  assert.match(text, /CAR-T registries across Europe|Room 6A/);
  await screenshot(browser, 'reconnect');
  assert.deepEqual(await axeProblems(browser, 'reconnect'), []);
  await (await row.$('[data-testid="reconnect-make-target"]')).click();
  await browser.waitUntil(
    async () => cli(db, 'target', 'list', '--congress', 'ASHN', '--json').some((t) => t.display_name === 'Kari Ødegård'),
    { timeout: 10000, timeoutMsg: 'Kari is not a target' },
  );
  const listed = cli(db, 'reconnect', '--congress', 'ASHN', '--json');
  assert.equal(listed[0].last_met_congress, 'EHA 2025', JSON.stringify(listed));
});
