// Export end to end on the real app: with a meeting and an attended session
// made through hallway-cli, Meetings → Export calendar writes an .ics file to
// a typed path (WebDriver cannot drive the OS save dialog) that holds the
// meeting under the UID the database keeps for it; then Settings → My card
// saves a name and email and shows the card's QR code as a real image.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launch, tempDb, cli, fill, byTestId, screenshot } from '../lib/app.mjs';

const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const [first, last] = [day(21), day(23)];
const C = 'EHA26';
const TITLE = 'Coffee with Ana Sánchez';

test('Export calendar writes the plan with the meeting under its stored UID', async () => {
  cli(db, 'congress', 'add', '--name', 'EHA 2026', '--short-name', C, '--series', 'eha', '--starts', first, '--ends',
    last, '--time-zone', 'Europe/Madrid');
  cli(db, 'people', 'add', '--name', 'Ana Sánchez', '--email', 'ana@usal.es', '--institution', 'Universidad de Salamanca');
  const csv = join(dirname(db), 'program.csv');
  writeFileSync(csv, [
    'Title,Date,Start,End,Room,Session Type,Speakers',
    `Myeloma update,${first},10:30,12:00,Hall B,Oral,Li Wei`,
  ].join('\n'));
  cli(db, 'program', 'import', '--congress', C, csv);
  const talk = cli(db, 'program', 'list', '--congress', C, '--json').find((s) => s.title === 'Myeloma update');
  cli(db, 'program', 'attend', '--congress', C, talk.key);
  cli(db, 'meeting', 'add', '--congress', C, '--with', 'ana@usal.es', '--start', `${first}T11:15:00Z`, '--title', TITLE,
    '--place', 'Café Forum', '--purpose', 'Fellowship; MRD protocol');
  const [stored] = cli(db, 'meeting', 'list', '--congress', C);
  assert.ok(stored.uid, 'the meeting has a UID');

  browser = await launch(db);
  await (await byTestId(browser, 'nav-meetings')).click();
  const open = await byTestId(browser, 'export-open');
  await open.waitForDisplayed({ timeout: 10000 });
  await open.click();
  const dialog = await byTestId(browser, 'export-dialog');
  await dialog.waitForDisplayed({ timeout: 10000 });
  assert.equal(await (await byTestId(browser, 'export-meetings')).isSelected(), true);
  assert.equal(await (await byTestId(browser, 'export-sessions')).isSelected(), true);
  assert.equal(await (await byTestId(browser, 'export-maybes')).isSelected(), false);
  await screenshot(browser, 'export-dialog');

  const file = join(dirname(db), 'EHA26-plan.ics');
  await (await byTestId(browser, 'export-path-open')).click();
  await fill(browser, 'export-path', file);
  await (await byTestId(browser, 'export-path-submit')).click();
  const result = await byTestId(browser, 'export-result');
  await result.waitForDisplayed({ timeout: 10000 });
  await dialog.waitForDisplayed({ reverse: true, timeout: 10000 });

  assert.ok(existsSync(file), `${file} was written`);
  const ics = readFileSync(file, 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR'), ics.slice(0, 40));
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  assert.ok(unfolded.includes(TITLE), 'the meeting title');
  assert.ok(unfolded.includes('Myeloma update'), 'the attended session');
  assert.ok(unfolded.split('\r\n').includes(`UID:${stored.uid}`), `UID:${stored.uid}`);
  const events = unfolded.split('\r\n').filter((l) => l === 'BEGIN:VEVENT').length;
  assert.match(await result.getText(), new RegExp(`^Saved ${events} events? to …/EHA26-plan\\.ics$`));
});

test('My card: save a name and email, then show the QR code', async () => {
  await (await byTestId(browser, 'nav-settings')).click();
  await (await byTestId(browser, 'card-name')).waitForDisplayed({ timeout: 10000 });
  await fill(browser, 'card-name', 'Dr Ingrid Ødegård');
  await fill(browser, 'card-email', 'ingrid@example.org');
  await (await byTestId(browser, 'card-save')).click();
  await browser.waitUntil(async () => (await (await byTestId(browser, 'card-status')).getText()) === 'Card saved.', {
    timeout: 10000,
    timeoutMsg: 'the card was not saved',
  });

  await (await byTestId(browser, 'card-qr-show')).click();
  const qr = await byTestId(browser, 'card-qr');
  await qr.waitForDisplayed({ timeout: 10000 });
  assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;base64,/);
  await browser.waitUntil(
    () => browser.execute((el) => el.complete && el.naturalWidth > 0, qr),
    { timeout: 10000, timeoutMsg: 'the QR image did not load' },
  );
  const shown = await browser.execute((el) => el.getBoundingClientRect().width, qr);
  assert.ok(shown >= 240, `shown ${shown}px wide`);
  await screenshot(browser, 'my-card-qr');
});
