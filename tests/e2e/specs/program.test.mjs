// The Program screen end to end on the real app: import a real schedule file
// through the UI, re-import it, filter, search without accents, mark two
// overlapping sessions attending and see the clash, switch to the grid, see a
// bad file refused with its line, and load the sample program. What was
// stored is checked through hallway-cli, not through the UI that wrote it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, tempDb, cli, fill, byTestId, screenshot, texts, importProgramPath } from '../lib/app.mjs';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/program');
const schedule = `${fixtures}/frab/eha2027_schedule.xml`;
const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

/** data-key of every session row on screen. */
const rowKeys = () =>
  browser.execute(() => [...document.querySelectorAll('[data-testid="session-row"]')].map((r) => r.dataset.key));

const importPath = (path) => importProgramPath(browser, path);

test('an empty program offers import and the sample', async () => {
  cli(db, 'congress', 'add', '--name', 'EHA 2027', '--short-name', 'EHA27', '--series', 'eha', '--starts',
    '2027-06-10', '--ends', '2027-06-13', '--time-zone', 'Europe/Madrid');
  browser = await launch(db);
  await (await byTestId(browser, 'nav-program')).click();
  const empty = await byTestId(browser, 'program-empty');
  await empty.waitForDisplayed();
  assert.ok(await (await byTestId(browser, 'load-sample')).isDisplayed());
});

test('import a schedule.xml through the UI and see the report', async () => {
  await importPath(schedule);
  const report = await byTestId(browser, 'import-report');
  await report.waitForDisplayed({ timeout: 10000 });
  assert.match(await report.getText(), /8 added/);
  assert.equal(cli(db, 'program', 'list', '--congress', 'EHA27', '--json').length, 8);
});

test('re-importing the same file changes nothing', async () => {
  await importPath(schedule);
  const report = await byTestId(browser, 'import-report');
  await browser.waitUntil(async () => /8 unchanged/.test(await report.getText()), { timeout: 10000 });
  assert.equal(cli(db, 'program', 'list', '--congress', 'EHA27', '--json').length, 8);
});

test('filter by track and search without accents', async () => {
  await (await byTestId(browser, 'view-list')).click();
  // The fixture's sessions are on 11 and 12 June.
  await (await browser.$('[data-testid="day-tab"][data-day="2027-06-11"]')).click();
  const stored = cli(db, 'program', 'list', '--congress', 'EHA27', '--json');
  const myelomaOn11 = stored.filter((s) => s.track === 'Myeloma' && s.starts_at.startsWith('2027-06-11')).map((s) => s.key);
  await (await byTestId(browser, 'filter-track')).selectByAttribute('value', 'Myeloma');
  await browser.waitUntil(async () => (await rowKeys()).length === myelomaOn11.length, { timeout: 5000 });
  assert.deepEqual((await rowKeys()).sort(), myelomaOn11.sort());
  await (await byTestId(browser, 'filter-track')).selectByAttribute('value', '');

  // "odegard" typed without the Ø finds Søren Ødegård's poster walk.
  await fill(browser, 'program-search', 'odegard');
  const expected = cli(db, 'program', 'search', '--congress', 'EHA27', 'odegard', '--json').map((s) => s.key);
  assert.equal(expected.length, 1);
  await browser.waitUntil(async () => JSON.stringify(await rowKeys()) === JSON.stringify(expected), { timeout: 5000 });
  const [title] = await texts(browser, 'session-row');
  assert.match(title, /Poster walk/);
  await fill(browser, 'program-search', '');
});

test('two overlapping sessions marked attending show a clash', async () => {
  const stored = cli(db, 'program', 'list', '--congress', 'EHA27', '--json');
  const poster = stored.find((s) => s.title.startsWith('Poster walk'));
  const industry = stored.find((s) => s.title.startsWith('BCMA & GPRC5D'));
  for (const s of [poster, industry]) {
    const row = await browser.$(`[data-testid="session-row"][data-key="${s.key}"]`);
    await row.waitForDisplayed({ timeout: 5000 });
    // Centre the row first: a row at the list's edge can be re-rendered by the
    // virtual list while the click is on its way.
    await row.scrollIntoView({ block: 'center' });
    await browser.pause(200);
    await (await row.$('[data-testid="attend-toggle"]')).click();
    await browser.waitUntil(
      async () => cli(db, 'program', 'list', '--congress', 'EHA27', '--json').find((x) => x.key === s.key).attendance === 'attending',
      { timeout: 10000, timeoutMsg: `${s.title} was not marked attending` },
    );
    const pressed = async () =>
      (await (await browser.$(`[data-testid="session-row"][data-key="${s.key}"]`).$('[data-testid="attend-toggle"]')).getAttribute('aria-pressed')) === 'true';
    await browser.waitUntil(pressed, { timeout: 10000 });
  }
  const after = cli(db, 'program', 'list', '--congress', 'EHA27', '--json');
  assert.equal(after.filter((s) => s.attendance === 'attending').length, 2);
  const row = await browser.$(`[data-testid="session-row"][data-key="${poster.key}"]`);
  await (await row.$('[data-testid="clash-mark"]')).waitForDisplayed({ timeout: 5000 });
  await screenshot(browser, 'program-list');

  // The detail names the speakers and the clash.
  await (await row.$('.title-button')).click();
  const detail = await byTestId(browser, 'session-detail');
  await detail.waitForDisplayed({ timeout: 5000 });
  assert.match(await detail.getText(), /Søren Ødegård/);
  assert.match(await detail.getText(), /BCMA & GPRC5D/);
  await (await byTestId(browser, 'detail-close')).click();
  await detail.waitForDisplayed({ reverse: true, timeout: 5000 });

  await (await byTestId(browser, 'view-agenda')).click();
  const clash = await byTestId(browser, 'agenda-clash');
  await clash.waitForDisplayed({ timeout: 5000 });
  assert.match(await clash.getText(), /13:00/);
  await screenshot(browser, 'program-agenda');
});

test('the grid shows the day as rooms by time', async () => {
  await (await byTestId(browser, 'view-grid')).click();
  const grid = await byTestId(browser, 'grid');
  await grid.waitForDisplayed({ timeout: 10000 });
  await browser.waitUntil(async () => (await texts(browser, 'grid-event')).length > 0, { timeout: 10000 });
  const text = await grid.getText();
  assert.match(text, /Hall A/);
  assert.match(text, /N104/);
  await screenshot(browser, 'program-grid');
});

test('a truncated file is refused with its line and nothing changes', async () => {
  await importPath(`${fixtures}/frab/truncated.xml`);
  const error = await byTestId(browser, 'import-error');
  await error.waitForDisplayed({ timeout: 10000 });
  const message = await error.getText();
  assert.match(message, /truncated\.xml/);
  assert.match(message, /line 49/);
  assert.equal(cli(db, 'program', 'list', '--congress', 'EHA27', '--json').length, 8);
});

test('the sample program loads into a new congress', async () => {
  cli(db, 'congress', 'add', '--name', 'ASH 2026', '--short-name', 'ASH26', '--series', 'ash', '--starts',
    '2026-12-05', '--ends', '2026-12-08', '--time-zone', 'America/Los_Angeles');
  await browser.deleteSession();
  browser = await launch(db);
  // The switcher is a listbox (Bits UI Select): open it, pick ASH by its name.
  await (await byTestId(browser, 'congress-switcher')).click();
  const options = await browser.$$('[data-testid="congress-option"]');
  let picked = false;
  for (const option of options) {
    if ((await option.getText()).includes('ASH26')) {
      await option.waitForDisplayed({ timeout: 5000 });
      await browser.pause(200); // the list is placed beside the button after it opens
      await option.click();
      picked = true;
      break;
    }
  }
  assert.ok(picked, 'ASH26 is offered in the congress switcher');

  const shows = () => browser.execute(() => document.querySelector('[data-testid="congress-switcher"]')?.textContent ?? '');
  await browser.waitUntil(async () => (await shows()).includes('ASH26'), { timeout: 5000, timeoutMsg: 'the switcher does not show ASH26' });
  await (await byTestId(browser, 'nav-program')).click();
  await (await byTestId(browser, 'load-sample')).click();
  await browser.waitUntil(async () => (await rowKeys()).length > 0 || (await texts(browser, 'grid-event')).length > 0, {
    timeout: 10000,
  });
  const stored = cli(db, 'program', 'list', '--congress', 'ASH26', '--json');
  assert.ok(stored.length > 40);
  await screenshot(browser, 'program-sample');
});

test('the grid draws the hours on screen, the rest as they scroll in, and every session once the keyboard is in it', async () => {
  await (await byTestId(browser, 'view-grid')).click();
  await browser.waitUntil(async () => (await texts(browser, 'grid-event')).length > 0, { timeout: 10000 });
  const day = await (await browser.$('[data-testid="day-tab"][aria-selected="true"]')).getAttribute('data-day');
  const sessions = cli(db, 'program', 'list', '--congress', 'ASH26', '--json').filter((s) => s.starts_at.startsWith(day));
  assert.ok(sessions.length > 10, `the sample has a full day on ${day}`);

  /** The sessions drawn, and those of them inside the grid's scroller's visible box. */
  const drawn = () =>
    browser.execute(() => {
      const box = document.querySelector('.ec-main').getBoundingClientRect();
      const all = new Set();
      const seen = new Set();
      for (const el of document.querySelectorAll('[data-testid="grid-event"]')) {
        const ids = el.dataset.sessionIds.split(' ');
        ids.forEach((id) => all.add(id));
        const r = el.getBoundingClientRect();
        if (r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right) ids.forEach((id) => seen.add(id));
      }
      return { all: [...all], seen: [...seen] };
    });
  const scrollTo = (y) =>
    browser.execute(
      (top) =>
        new Promise((done) => {
          document.querySelector('.ec-main').scrollTo(0, top);
          requestAnimationFrame(() => requestAnimationFrame(() => done()));
        }),
      y,
    );

  // At the top, the evening is not drawn; scrolled down, it is, and on screen.
  const top = await drawn();
  assert.ok(top.all.length < sessions.length, `${top.all.length} of ${sessions.length} sessions drawn at the top`);
  await scrollTo(1e6);
  const bottom = await drawn();
  const evening = bottom.seen.filter((id) => !top.all.includes(id));
  assert.ok(evening.length > 0, 'scrolling down draws the sessions it brings into view');

  // The keyboard reaches every session: once the focus is on one, all of them are drawn.
  await scrollTo(0);
  for (let i = 0; i < 20; i++) {
    const inGrid = await browser.execute(() => document.activeElement?.getAttribute('data-testid') === 'grid-event');
    if (inGrid) break;
    await browser.keys('Tab');
  }
  await browser.waitUntil(async () => (await drawn()).all.length === sessions.length, {
    timeout: 5000,
    timeoutMsg: `the keyboard in the grid draws all ${sessions.length} sessions of ${day}`,
  });
});
