// The command palette end to end on the real app: Ctrl+K from anywhere, typing without accents
// finds a speaker and their session, Enter opens the person's page, the choice comes back first
// as a recent one, an action marks a session attending (read back through hallway-cli), "New
// meeting" opens the meeting editor, and `?` lists the shortcuts. Keyboard only, after launch.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, tempDb, cli, byTestId, screenshot, texts } from '../lib/app.mjs';

const schedule = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/program/frab/eha2027_schedule.xml');
const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

const focusedTestId = () => browser.execute(() => document.activeElement?.closest('[data-testid]')?.dataset.testid ?? '');

async function openPalette() {
  await browser.keys(['Control', 'k']);
  const input = await byTestId(browser, 'palette-input');
  await input.waitForDisplayed({ timeout: 10000 });
  await browser.waitUntil(async () => (await focusedTestId()) === 'palette-input', { timeout: 5000, timeoutMsg: 'the input has no focus' });
}

/** Types into the palette's input and waits until an entry with `label` is listed. */
async function typeUntil(text, label) {
  // Typed into the focused input as keystrokes (addValue keeps repeated letters, as in "meeting").
  await (await byTestId(browser, 'palette-input')).addValue(text);
  await browser.waitUntil(async () => (await texts(browser, 'palette-item')).some((t) => t.includes(label)), {
    timeout: 10000,
    timeoutMsg: `no palette entry "${label}" for "${text}"`,
  });
}

/** Moves the highlight down to the entry whose label starts with `label`, then presses Enter. */
async function choose(label) {
  const items = await texts(browser, 'palette-item');
  const at = items.findIndex((t) => t.startsWith(label));
  assert.ok(at >= 0, items.join('\n'));
  for (let i = 0; i < at; i++) await browser.keys('ArrowDown');
  await browser.waitUntil(
    async () => (await browser.execute(() => document.querySelector('[data-testid="palette-item"][data-selected]')?.textContent?.trim() ?? '')).startsWith(label),
    { timeout: 5000, timeoutMsg: `"${label}" is not highlighted` },
  );
  await browser.keys('Enter');
  await (await byTestId(browser, 'palette')).waitForDisplayed({ reverse: true, timeout: 5000 });
}

test('Ctrl+K finds a speaker without accents and Enter opens their page', async () => {
  cli(db, 'congress', 'add', '--name', 'EHA 2027', '--short-name', 'EHA27', '--starts', '2027-06-10',
    '--ends', '2027-06-13', '--time-zone', 'Europe/Madrid');
  cli(db, 'program', 'import', '--congress', 'EHA27', schedule);
  browser = await launch(db);
  await openPalette();
  const empty = await texts(browser, 'palette-item');
  assert.ok(empty.some((t) => t.includes('Met someone')), empty.join('\n'));
  assert.ok(empty.some((t) => t.includes('Follow-ups')), 'screens are offered');
  await typeUntil('odegard', 'Søren Ødegård');
  assert.ok((await texts(browser, 'palette-item')).some((t) => /Poster walk/.test(t)), 'their session is found too');
  await screenshot(browser, 'palette');
  await choose('Søren Ødegård');
  const page = await byTestId(browser, 'person-page');
  await page.waitForDisplayed({ timeout: 10000 });
  assert.match(await page.getText(), /Søren Ødegård/);
});

test('the last choice comes first next time, and an action marks a session attending', async () => {
  await openPalette();
  const [first] = await texts(browser, 'palette-item');
  assert.match(first, /Søren Ødegård/);
  await typeUntil('bispecific', 'Mark attending: Bispecific antibodies');
  await choose('Mark attending: Bispecific antibodies');
  await browser.waitUntil(
    async () => cli(db, 'program', 'list', '--congress', 'EHA27', '--json').some((s) => s.title.startsWith('Bispecific') && s.attendance === 'attending'),
    { timeout: 10000, timeoutMsg: 'the session was not marked attending' },
  );
  const notice = await byTestId(browser, 'palette-notice');
  await notice.waitForDisplayed({ timeout: 5000 });
  assert.match(await notice.getText(), /attending/);
});

test('"New meeting" opens the meeting editor; Esc closes the palette and focus returns', async () => {
  const focusedHref = () => browser.execute(() => document.activeElement?.getAttribute('href') ?? '');
  await browser.execute(() => document.querySelector('[data-testid="sidebar"] a[href="#/goals"]')?.focus());
  assert.equal(await focusedHref(), '#/goals');
  await openPalette();
  await browser.keys('Escape');
  await (await byTestId(browser, 'palette')).waitForDisplayed({ reverse: true, timeout: 5000 });
  await browser.waitUntil(async () => (await focusedHref()) === '#/goals', { timeout: 5000, timeoutMsg: 'focus did not return' });
  await openPalette();
  await typeUntil('new meeting', 'New meeting');
  await choose('New meeting');
  await (await byTestId(browser, 'meeting-editor')).waitForDisplayed({ timeout: 10000 });
  await browser.keys('Escape');
  await (await byTestId(browser, 'meeting-editor')).waitForDisplayed({ reverse: true, timeout: 5000 });
});

test('? lists the shortcuts, and the shell has a button for the palette', async () => {
  await (await browser.$('main')).click();
  await browser.keys('?');
  const list = await byTestId(browser, 'shortcuts');
  await list.waitForDisplayed({ timeout: 5000 });
  assert.match(await list.getText(), /Ctrl\+K/);
  await browser.keys('Escape');
  await list.waitForDisplayed({ reverse: true, timeout: 5000 });
  await (await byTestId(browser, 'palette-open')).click();
  await (await byTestId(browser, 'palette-input')).waitForDisplayed({ timeout: 5000 });
  await browser.keys('Escape');
});
