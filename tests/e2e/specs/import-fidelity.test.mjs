// Import fidelity end to end: a shared calendar with a few congress items
// and many around the year is imported through the Program screen; the
// report says how many items were skipped, and the list names each one with
// its day, line and reason. The same file into a congress of another year
// is refused with the dates the file is for, and nothing is stored. What
// was stored is read back through hallway-cli, not the UI that wrote it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, tempDb, cli, byTestId, screenshot, texts, importProgramPath } from '../lib/app.mjs';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/program/fidelity');
const shared = `${fixtures}/outside_dates.ics`;
const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

const importPath = (path) => importProgramPath(browser, path);

test('items outside the congress days are skipped, counted and listed', async () => {
  cli(db, 'congress', 'add', '--name', 'ASH 2026', '--short-name', 'ASH26', '--starts', '2026-12-05',
    '--ends', '2026-12-08', '--time-zone', 'America/New_York');
  browser = await launch(db);
  await (await byTestId(browser, 'nav-program')).click();
  await (await byTestId(browser, 'program-empty')).waitForDisplayed({ timeout: 10000 });
  await importPath(shared);
  const report = await byTestId(browser, 'import-report');
  await report.waitForDisplayed({ timeout: 10000 });
  assert.match(await report.getText(), /4 added.*; 5 skipped/);
  const notes = await byTestId(browser, 'import-notes');
  assert.match(await notes.getText(), /5 items outside the congress days \(5 Dec to 8 Dec 2026\) were left out/);

  const skipped = await byTestId(browser, 'import-skipped');
  await (await skipped.$('summary')).click();
  await browser.waitUntil(async () => (await texts(browser, 'skipped-item')).length === 5, { timeout: 5000 });
  const items = await texts(browser, 'skipped-item');
  assert.match(items[0], /Mon 12 Jan 2026 04:00 · Team meeting \(January\) · line \d+ · outside the congress days/);
  assert.ok(items.some((t) => /Flight home/.test(t)), items.join('\n'));
  await screenshot(browser, 'program-import-skipped');

  const stored = cli(db, 'program', 'list', '--congress', 'ASH26', '--json');
  assert.deepEqual(stored.map((s) => s.title).sort(),
    ['ASH-a-Palooza', 'Late-night poster party', 'Myeloma: novel therapies', 'Plenary scientific session']);
});

test('the same file into a congress of another year is refused, naming its dates', async () => {
  cli(db, 'congress', 'add', '--name', 'ASH 2027', '--short-name', 'ASH27', '--starts', '2027-12-04',
    '--ends', '2027-12-07', '--time-zone', 'America/New_York');
  const imported = cli(db, 'program', 'import', '--congress', 'ASH26', shared);
  assert.equal(imported.skipped, 5);
  assert.equal(imported.unchanged, 4);
  assert.throws(() => cli(db, 'program', 'import', '--congress', 'ASH27', shared), /seems to be for other dates/);
  assert.equal(cli(db, 'program', 'list', '--congress', 'ASH27', '--json').length, 0);
});
