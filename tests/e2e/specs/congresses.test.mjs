// The Congresses screen end to end on the real app: create, validate, edit,
// restart and find it again, delete with confirmation; the database is
// checked through hallway-cli, not through the UI that wrote it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, tempDb, cli, fill, byTestId, screenshot, texts } from '../lib/app.mjs';

const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

async function openNewCongressForm() {
  await (await byTestId(browser, 'nav-congresses')).click();
  await (await byTestId(browser, 'new-congress')).click();
  await (await byTestId(browser, 'field-name')).waitForDisplayed();
}

async function rows() {
  return texts(browser, 'congress-row');
}

test('a new user starts on an empty Congresses screen that offers to create one', async () => {
  browser = await launch(db);
  const empty = await browser.$('[data-testid="empty-congresses"]');
  await empty.waitForDisplayed();
  assert.match(await empty.getText(), /congress/i);
  await screenshot(browser, 'empty');
});

test('a bad date range is named next to the end date and nothing is saved', async () => {
  await openNewCongressForm();
  await fill(browser, 'field-name', 'EHA 2027');
  await fill(browser, 'field-starts_on', '2027-06-10');
  await fill(browser, 'field-ends_on', '2027-06-01');
  await fill(browser, 'field-time_zone', 'Europe/Madrid');
  const error = await byTestId(browser, 'error-ends_on');
  await error.waitForDisplayed({ timeout: 5000 });
  assert.match(await error.getText(), /ends before it starts/);
  await (await byTestId(browser, 'save-congress')).click();
  await browser.pause(300);
  assert.equal(cli(db, 'congress', 'list', '--json').length, 0);
  await (await byTestId(browser, 'cancel-congress')).click();
});

test('an unknown time zone gets a clear message', async () => {
  await openNewCongressForm();
  await fill(browser, 'field-time_zone', 'Mars/Olympus');
  const error = await byTestId(browser, 'error-time_zone');
  await error.waitForDisplayed({ timeout: 5000 });
  assert.match(await error.getText(), /not a known time zone/);
  await (await byTestId(browser, 'cancel-congress')).click();
});

test('create a congress', async () => {
  await openNewCongressForm();
  await fill(browser, 'field-name', 'ASH 2026');
  await fill(browser, 'field-short_name', 'ASH26');
  await (await byTestId(browser, 'field-series')).selectByAttribute('value', 'ash');
  await fill(browser, 'field-starts_on', '2026-12-05');
  await fill(browser, 'field-ends_on', '2026-12-08');
  await fill(browser, 'field-time_zone', 'America/Los_Angeles');
  await fill(browser, 'field-city', 'San Diego');
  await fill(browser, 'field-hashtags', 'ASH26 hematology');
  await (await byTestId(browser, 'save-congress')).click();
  await browser.waitUntil(async () => (await rows()).some((t) => t.includes('ASH 2026')), { timeout: 5000 });

  const stored = cli(db, 'congress', 'list', '--json');
  assert.equal(stored.length, 1);
  assert.equal(stored[0].name, 'ASH 2026');
  assert.equal(stored[0].starts_on, '2026-12-05');
  assert.equal(stored[0].time_zone, 'America/Los_Angeles');
  assert.deepEqual(stored[0].hashtags, ['#ASH26', '#hematology']);
  await screenshot(browser, 'main');
});

test('edit it', async () => {
  await (await byTestId(browser, 'edit-congress')).click();
  await fill(browser, 'field-city', 'Orlando');
  await fill(browser, 'field-time_zone', 'America/New_York');
  await (await byTestId(browser, 'save-congress')).click();
  await browser.waitUntil(async () => (await rows()).some((t) => t.includes('Orlando')), { timeout: 5000 });
  assert.equal(cli(db, 'congress', 'list', '--json')[0].time_zone, 'America/New_York');
});

test('quit, start again and find it', async () => {
  await browser.deleteSession();
  browser = await launch(db);
  await (await byTestId(browser, 'nav-congresses')).click();
  await browser.waitUntil(async () => (await rows()).some((t) => t.includes('ASH 2026') && t.includes('Orlando')), {
    timeout: 5000,
  });
  // The switcher remembered the congress as the current one.
  const [stored] = cli(db, 'congress', 'list', '--json');
  assert.equal(await (await byTestId(browser, 'congress-switcher')).getValue(), String(stored.id));
});

test('delete asks first; cancel keeps it, confirm removes it', async () => {
  await (await byTestId(browser, 'delete-congress')).click();
  const dialog = await byTestId(browser, 'confirm-dialog');
  await dialog.waitForDisplayed();
  assert.match(await dialog.getText(), /ASH 2026/);
  await (await byTestId(browser, 'confirm-cancel')).click();
  await dialog.waitForDisplayed({ reverse: true });
  assert.equal(cli(db, 'congress', 'list', '--json').length, 1);

  await (await byTestId(browser, 'delete-congress')).click();
  await dialog.waitForDisplayed();
  await (await byTestId(browser, 'confirm-ok')).click();
  await browser.waitUntil(async () => (await rows()).length === 0, { timeout: 5000 });
  assert.equal(cli(db, 'stats', '--json').congresses, 0);
});
