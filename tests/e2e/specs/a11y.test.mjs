// Every screen audited by axe-core (through @axe-core/webdriverio) on the real app, at 1280 and
// 420 px, with data on it (the sample program, a target, a meeting, goals) and with the command
// palette and the shortcuts list open: no serious or critical violation may remain. run.sh runs
// this spec a second time under a dark GTK theme (HALLWAY_E2E_SCHEME=dark), which WebKitGTK
// reports as prefers-color-scheme: dark, with GTK animations off, which it reports as
// prefers-reduced-motion; the spec checks the scheme it was promised and that motion stops.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, tempDb, cli, byTestId, screenshot, axeProblems } from '../lib/app.mjs';

const SCHEME = process.env.HALLWAY_E2E_SCHEME === 'dark' ? 'dark' : 'light';
const SCREENS = ['today', 'program', 'people', 'meetings', 'goals', 'pitches', 'follow-ups', 'touch', 'congresses', 'settings'];
const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

/** Serious and critical violations on the page as it is now, one line each. */
const audit = (where) => axeProblems(browser, where);

async function show(section) {
  await browser.execute((s) => { location.hash = `#/${s}`; }, section);
  await browser.waitUntil(async () => (await browser.execute(() => document.title)).length > 0 && !(await browser.$('.loading').isExisting()), {
    timeout: 10000,
    timeoutMsg: `${section} did not load`,
  });
  await browser.pause(400); // lists and grids settle
}

test(`every screen passes axe in ${SCHEME} at 1280 and 420 px`, async () => {
  cli(db, 'congress', 'add', '--name', 'EHA 2027', '--short-name', 'EHA27', '--starts', '2027-06-10',
    '--ends', '2027-06-13', '--time-zone', 'Europe/Madrid');
  cli(db, 'program', 'sample', '--congress', 'EHA27');
  cli(db, 'people', 'add', '--name', 'Ana Sánchez', '--institution', 'Hospital Clínic', '--email', 'ana@clinic.example');
  cli(db, 'target', 'set', '--congress', 'EHA27', 'ana@clinic.example', '--priority', 'must', '--why', 'mentor');
  cli(db, 'meeting', 'add', '--congress', 'EHA27', '--with', 'ana@clinic.example', '--start', '2027-06-11T10:30:00+02:00',
    '--minutes', '30', '--title', 'Coffee with Ana');
  cli(db, 'goals', '--congress', 'EHA27', '--adopt', 'all', '--json');
  browser = await launch(db);
  assert.equal(await browser.execute(() => matchMedia('(prefers-color-scheme: dark)').matches), SCHEME === 'dark',
    `the app was meant to run in the ${SCHEME} scheme`);
  // Buttons fade their colour in 120 ms, unless the system asks for reduced motion (the dark run).
  const [reduce, durations] = await browser.execute(() => [
    matchMedia('(prefers-reduced-motion: reduce)').matches,
    getComputedStyle(document.querySelector('button')).transitionDuration,
  ]);
  const longest = Math.max(...durations.split(',').map((d) => parseFloat(d)));
  assert.equal(reduce, SCHEME === 'dark', `reduced motion asked in the ${SCHEME} run`);
  assert.ok(SCHEME === 'dark' ? longest < 0.001 : longest >= 0.1, `button transitions of ${durations} in the ${SCHEME} run`);

  const problems = [];
  for (const [width, height] of [[1280, 800], [420, 860]]) {
    await browser.setWindowSize(width, height);
    for (const section of SCREENS) {
      await show(section);
      problems.push(...(await audit(`${section} ${width}px ${SCHEME}`)));
    }
    await show('program');
    await browser.keys(['Control', 'k']);
    await (await byTestId(browser, 'palette-input')).waitForDisplayed({ timeout: 10000 });
    await (await byTestId(browser, 'palette-input')).addValue('ana');
    await browser.pause(500);
    problems.push(...(await audit(`palette ${width}px ${SCHEME}`)));
    if (width === 1280) await screenshot(browser, `palette-${SCHEME}`);
    await browser.keys('Escape');
    await (await browser.$('main')).click();
    await browser.keys('?');
    await (await byTestId(browser, 'shortcuts')).waitForDisplayed({ timeout: 5000 });
    problems.push(...(await audit(`shortcuts ${width}px ${SCHEME}`)));
    await browser.keys('Escape');
  }
  assert.deepEqual(problems, [], `axe found:\n${problems.join('\n')}`);
});

/** The data-testid of the focused element's nearest marked ancestor (or its own). */
const focused = () => browser.execute(() => document.activeElement?.closest('[data-testid]')?.dataset.testid ?? '');

test(`the open lists pass axe in ${SCHEME}, and Esc gives the focus back`, async () => {
  await browser.setWindowSize(1280, 800);
  await show('meetings');
  // The congress switcher (a Bits UI select): opened from the keyboard on the current congress.
  await browser.execute(() => document.querySelector('[data-testid="congress-switcher"]')?.focus());
  await browser.keys('ArrowDown');
  const option = await byTestId(browser, 'congress-option');
  await option.waitForDisplayed({ timeout: 5000 });
  const problems = await audit(`congress switcher open ${SCHEME}`);
  await screenshot(browser, `switcher-${SCHEME}`);
  await browser.keys('Escape');
  await option.waitForDisplayed({ reverse: true, timeout: 5000 });
  assert.equal(await focused(), 'congress-switcher', 'Esc leaves the focus on the switcher');

  // The people picker (a Bits UI combobox) inside the meeting editor: typing lists matches.
  await (await byTestId(browser, 'new-meeting')).click();
  const search = await byTestId(browser, 'field-people-search');
  await search.waitForDisplayed({ timeout: 5000 });
  await search.addValue('ana');
  await (await byTestId(browser, 'people-option')).waitForDisplayed({ timeout: 5000 });
  problems.push(...(await audit(`people picker open ${SCHEME}`)));
  await screenshot(browser, `people-picker-${SCHEME}`);
  await browser.keys('Escape'); // closes the list, not the editor
  await (await byTestId(browser, 'people-option')).waitForDisplayed({ reverse: true, timeout: 5000 });
  assert.ok(await (await byTestId(browser, 'meeting-editor')).isDisplayed(), 'the first Esc closes only the list');
  await browser.keys('Escape');
  await (await byTestId(browser, 'meeting-editor')).waitForDisplayed({ reverse: true, timeout: 5000 });
  assert.equal(await focused(), 'new-meeting', 'closing the editor gives the focus back to New meeting');
  assert.deepEqual(problems, [], `axe found:\n${problems.join('\n')}`);
});
