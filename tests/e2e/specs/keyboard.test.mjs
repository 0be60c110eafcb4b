// A keyboard-only walk through the real app, as someone who never touches the pointer: create a
// congress, load the sample program, mark a session attending, book a meeting and log "met
// someone". Only keys are sent after launch (Tab, Enter, Space, arrows, Ctrl+K and typing into
// whatever has focus); each step checks where focus went, so a trap or an unreachable control
// fails here. What was stored is read back through hallway-cli.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, tempDb, cli, byTestId } from '../lib/app.mjs';

const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const focused = () => browser.execute(() => {
  const el = document.activeElement;
  return el?.dataset?.testid ?? el?.closest('[data-testid]')?.dataset.testid ?? el?.tagName ?? '';
});

/** Types into whatever has focus (as keystrokes sent to that element). */
async function type(text) {
  const active = await browser.getActiveElement();
  await browser.elementSendKeys(active[ELEMENT], text);
}

/** Presses Tab until the control with `testid` has focus: it must be reachable in the tab order. */
async function tabTo(testid, max = 80) {
  for (let i = 0; i < max; i++) {
    if ((await focused()) === testid) return;
    await browser.keys('Tab');
  }
  assert.fail(`Tab never reached ${testid} (focus is on ${await focused()})`);
}

const highlighted = () => browser.execute(() => document.querySelector('[data-testid="palette-item"][data-selected]')?.textContent?.trim() ?? '');

/** Ctrl+K, a few letters, the arrow down to the entry whose label starts with `label`, Enter. */
async function palette(text, label) {
  await browser.keys(['Control', 'k']);
  await browser.waitUntil(async () => (await focused()) === 'palette-input', { timeout: 10000, timeoutMsg: 'Ctrl+K did not focus the palette' });
  await type(text);
  await browser.waitUntil(async () => (await browser.$$('[data-testid="palette-item"]')).length > 0 && !(await browser.$('.empty').isExisting()), {
    timeout: 10000,
    timeoutMsg: `nothing offered for "${text}"`,
  });
  await browser.pause(300); // the people and sessions searches answer
  for (let i = 0; i < 20 && !(await highlighted()).startsWith(label); i++) await browser.keys('ArrowDown');
  assert.ok((await highlighted()).startsWith(label), `"${label}" is not offered for "${text}"`);
  await browser.keys('Enter');
}

test('create a congress with the keyboard', async () => {
  browser = await launch(db);
  // No congress yet: the app opens on Congresses, where N makes a new one.
  await browser.keys('n');
  await browser.waitUntil(async () => (await focused()) === 'field-name', { timeout: 10000, timeoutMsg: 'the form did not open on its first field' });
  await type('EHA 2027');
  await browser.keys('Tab');
  await type('EHA27');
  await tabTo('field-starts_on');
  await type('2027-06-10');
  await tabTo('field-ends_on');
  await type('2027-06-13');
  await tabTo('field-time_zone');
  await type('Europe/Madrid');
  // Enter here picks from the zone suggestions; the form's button is a Tab away.
  await tabTo('save-congress');
  await browser.keys('Enter');
  await browser.waitUntil(async () => cli(db, 'congress', 'list', '--json').length === 1, { timeout: 10000, timeoutMsg: 'no congress saved' });
  assert.equal(cli(db, 'congress', 'list', '--json')[0].short_name, 'EHA27');
});

test('load the sample program and mark a session attending', async () => {
  await palette('program', 'Program');
  await (await byTestId(browser, 'program-empty')).waitForDisplayed({ timeout: 10000 });
  await tabTo('load-sample');
  await browser.keys('Enter');
  await browser.waitUntil(async () => cli(db, 'program', 'list', '--congress', 'EHA27', '--json').length > 0, { timeout: 20000 });
  await tabTo('view-list');
  await browser.keys('Enter');
  await tabTo('attend-toggle');
  const key = await browser.execute(() => document.activeElement.closest('[data-key]')?.dataset.key);
  await browser.keys('Space');
  await browser.waitUntil(
    async () => cli(db, 'program', 'list', '--congress', 'EHA27', '--json').find((s) => s.key === key)?.attendance === 'attending',
    { timeout: 10000, timeoutMsg: `session ${key} was not marked attending` },
  );
});

test('book a meeting and log "met someone" from the palette', async () => {
  cli(db, 'people', 'add', '--name', 'Ana Sánchez', '--institution', 'Hospital Clínic', '--email', 'ana@clinic.example');
  await palette('new meeting', 'New meeting');
  await (await byTestId(browser, 'meeting-editor')).waitForDisplayed({ timeout: 10000 });
  // Who first: type, arrow down to the suggestion, Enter picks it (it never submits the form).
  await tabTo('field-people-search');
  await type('sanchez');
  await browser.waitUntil(async () => (await browser.$$('[data-testid="people-option"]')).length > 0, { timeout: 10000, timeoutMsg: 'no one suggested' });
  await browser.keys('ArrowDown');
  await browser.keys('Enter');
  await (await byTestId(browser, 'person-chip')).waitForDisplayed({ timeout: 5000 });
  await tabTo('field-title');
  await type('Coffee with Ana');
  await tabTo('field-time');
  await type('10:30');
  await tabTo('save-meeting');
  await browser.keys('Enter');
  await browser.waitUntil(async () => cli(db, 'meeting', 'list', '--congress', 'EHA27').some((m) => m.title === 'Coffee with Ana'), {
    timeout: 10000,
    timeoutMsg: 'the meeting was not saved',
  });

  const before = cli(db, 'stats', '--json').interactions;
  await palette('met', 'Met someone');
  await browser.waitUntil(async () => ['met-search', 'met-known'].includes(await focused()), { timeout: 10000, timeoutMsg: 'Met someone did not take focus' });
  await tabTo('met-search');
  await type('sanchez');
  // The search answers as you type; the arrow key moves the highlight through its options once
  // they are there, while focus stays in the search (a combobox).
  await browser.waitUntil(async () => (await browser.$$('[data-testid="met-option"]')).length > 0, { timeout: 10000, timeoutMsg: 'no one found' });
  await browser.keys('ArrowDown');
  await browser.waitUntil(
    async () => (await focused()) === 'met-search' && (await browser.$$('[data-testid="met-option"][data-highlighted]')).length === 1,
    { timeout: 10000, timeoutMsg: 'no option to pick with the arrow key' },
  );
  await browser.keys('Enter');
  await tabTo('met-note');
  await type('Talked about the CAR-T registry');
  await tabTo('met-save');
  await browser.keys('Enter');
  await browser.waitUntil(async () => cli(db, 'stats', '--json').interactions === before + 1, {
    timeout: 10000,
    timeoutMsg: 'the interaction was not logged',
  });
});
