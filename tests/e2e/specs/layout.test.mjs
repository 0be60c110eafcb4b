// The shell at the two window sizes the UI promises: a sidebar on a laptop
// window, a bottom bar on a phone-sized one, every section reachable.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, tempDb, cli, byTestId, screenshot, texts } from '../lib/app.mjs';

const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

test('wide window: sidebar reaches every section, each with an honest empty state', async () => {
  cli(db, 'congress', 'add', '--name', 'EHA 2027', '--short-name', 'EHA27', '--starts', '2027-06-10',
    '--ends', '2027-06-13', '--time-zone', 'Europe/Madrid');
  browser = await launch(db, { width: 1280, height: 800 });
  for (const section of ['today', 'program', 'people', 'meetings', 'goals', 'pitches', 'follow-ups']) {
    const link = await byTestId(browser, `nav-${section}`);
    assert.ok(await link.isDisplayed(), `nav-${section} visible`);
    await link.click();
    const main = await browser.$('main');
    await browser.waitUntil(async () => (await main.getText()).trim().length > 0, { timeout: 3000 });
  }
  await (await byTestId(browser, 'nav-settings')).click();
  const dbPath = await byTestId(browser, 'settings-db-path');
  await dbPath.waitForDisplayed();
  assert.equal(await dbPath.getText(), db);
  await screenshot(browser, 'settings');
});

test('narrow window: a bottom bar replaces the sidebar', async () => {
  await browser.setWindowSize(420, 800);
  await browser.waitUntil(async () => !(await (await byTestId(browser, 'sidebar')).isDisplayed()), { timeout: 3000 });
  const bar = await byTestId(browser, 'bottom-bar');
  assert.ok(await bar.isDisplayed());
  await (await byTestId(browser, 'bottom-program')).click();
  await (await byTestId(browser, 'bottom-more')).click();
  await (await byTestId(browser, 'more-congresses')).click();
  await browser.waitUntil(async () => (await texts(browser, 'congress-row')).length === 1, { timeout: 3000 });
  await screenshot(browser, 'narrow');
});
