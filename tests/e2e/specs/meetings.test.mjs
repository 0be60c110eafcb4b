// Meetings end to end on the real app: from a must-meet target's card, book
// a coffee into the first suggested free slot (a coffee break, after her
// talk), see the target move to scheduled; book a second meeting over a
// session I attend and see the clash in the editor and the list; mark the
// first one done, log what we talked about, and see the target at met and a
// follow-up drafted; on a phone-width window the day view's tabs scroll in
// their row without widening the page. What was stored is checked through
// hallway-cli.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launch, tempDb, cli, fill, byTestId, screenshot, texts } from '../lib/app.mjs';

const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

// A congress three weeks ahead, so no suggested slot is already past.
const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const [first, last] = [day(21), day(23)];
const C = 'EHA26';

const targetStatus = (name) => cli(db, 'target', 'list', '--congress', C, '--json').find((t) => t.display_name === name)?.status;
const meetings = () => cli(db, 'meeting', 'list', '--congress', C);

test('book a coffee into the first suggested slot from a target card', async () => {
  cli(db, 'congress', 'add', '--name', 'EHA 2026', '--short-name', C, '--series', 'eha', '--starts', first, '--ends',
    last, '--time-zone', 'Europe/Madrid');
  const csv = join(dirname(db), 'program.csv');
  writeFileSync(csv, [
    'Title,Date,Start,End,Room,Session Type,Speakers',
    `Opening plenary,${first},09:00,10:00,Hall A,Plenary,Li Wei`,
    `Myeloma update,${first},10:30,12:00,Hall B,Oral,Ana Sánchez`,
    `Coffee break,${first},12:00,12:30,Foyer,Break,`,
  ].join('\n'));
  cli(db, 'program', 'import', '--congress', C, csv);
  const plenary = cli(db, 'program', 'list', '--congress', C, '--json').find((s) => s.title === 'Opening plenary');
  cli(db, 'program', 'attend', '--congress', C, plenary.key);
  cli(db, 'target', 'set', '--congress', C, 'Ana Sánchez', '--priority', 'must', '--why', 'mentor');

  browser = await launch(db);
  await (await byTestId(browser, 'nav-people')).click();
  // The targets board: Ana's card offers a meeting.
  const tab = await byTestId(browser, 'people-tab-targets');
  await tab.waitForDisplayed({ timeout: 10000 });
  await tab.click();
  const book = await byTestId(browser, 'book-meeting');
  await book.waitForDisplayed({ timeout: 10000 });
  await book.click();
  const editor = await byTestId(browser, 'meeting-editor');
  await editor.waitForDisplayed({ timeout: 10000 });
  assert.deepEqual(await texts(browser, 'person-chip').then((t) => t.map((x) => x.includes('Ana Sánchez'))), [true]);

  await (await byTestId(browser, 'length-30')).click();
  const slot = await byTestId(browser, 'slot-option');
  await slot.waitForDisplayed({ timeout: 10000 });
  const startsAt = await slot.getAttribute('data-starts-at');
  // Her talk ends 12:00; ten minutes' walk; the coffee break is preferred.
  assert.ok(startsAt.startsWith(`${first}T12:15:00`), startsAt);
  assert.match(await slot.getText(), /12:15/);
  await screenshot(browser, 'meeting-editor');
  await slot.click();
  await fill(browser, 'field-place', 'Café Forum');
  await fill(browser, 'field-purpose', 'Ask about a fellowship in her group');
  await (await byTestId(browser, 'save-meeting')).click();
  await editor.waitForDisplayed({ reverse: true, timeout: 10000 });

  const [stored] = meetings();
  assert.equal(stored.starts_at, startsAt);
  assert.equal(stored.place, 'Café Forum');
  assert.equal(stored.people[0].display_name, 'Ana Sánchez');
  assert.equal(targetStatus('Ana Sánchez'), 'scheduled');
  // The Meetings screen lists it.
  await (await byTestId(browser, 'nav-meetings')).click();
  await browser.waitUntil(async () => (await texts(browser, 'meeting-row')).some((t) => t.includes('Café Forum')), { timeout: 10000 });
});

test('a meeting over an attended session shows the clash where it is edited and in the list', async () => {
  await (await byTestId(browser, 'new-meeting')).click();
  const editor = await byTestId(browser, 'meeting-editor');
  await editor.waitForDisplayed({ timeout: 10000 });
  await fill(browser, 'field-people-search', 'Li W');
  const option = await byTestId(browser, 'people-option');
  await option.waitForDisplayed({ timeout: 10000 });
  await option.click();
  await (await byTestId(browser, 'field-day')).selectByAttribute('value', first);
  await fill(browser, 'field-time', '09:30');
  await (await byTestId(browser, 'length-30')).click();
  const clash = await byTestId(browser, 'editor-clash');
  await clash.waitForDisplayed({ timeout: 10000 });
  assert.match(await clash.getText(), /Opening plenary/);
  await fill(browser, 'field-title', 'Quick word with Li');
  await (await byTestId(browser, 'save-meeting')).click();
  await editor.waitForDisplayed({ reverse: true, timeout: 10000 });

  const li = meetings().find((m) => m.title === 'Quick word with Li');
  assert.equal(li.clashes.length, 1);
  assert.equal(li.clashes[0].title, 'Opening plenary');
  await browser.waitUntil(async () => (await texts(browser, 'meeting-clash')).some((t) => t.includes('Opening plenary')), { timeout: 10000 });
  await screenshot(browser, 'meetings-list');
});

test('marking the coffee done moves Ana to met, logs the talk and drafts a follow-up', async () => {
  const ana = meetings().find((m) => m.place === 'Café Forum');
  const done = await browser.$(`[data-testid="meeting-row"][data-meeting-id="${ana.id}"] [data-testid="meeting-done"]`);
  await done.click();
  const dialog = await byTestId(browser, 'meeting-done-dialog');
  await dialog.waitForDisplayed({ timeout: 10000 });
  assert.match(await dialog.getText(), /Ana Sánchez/);
  await fill(browser, 'done-note', 'MRD-guided therapy; she will send the protocol');
  await (await byTestId(browser, 'done-log')).click();
  await dialog.waitForDisplayed({ reverse: true, timeout: 10000 });

  assert.equal(meetings().find((m) => m.id === ana.id).status, 'done');
  assert.equal(targetStatus('Ana Sánchez'), 'met');
  const stats = cli(db, 'stats', '--json');
  assert.equal(stats.interactions, 1);
  const [owed] = cli(db, 'followups', '--json');
  assert.equal(owed.display_name, 'Ana Sánchez');
  assert.match(owed.draft, /Café Forum/);
});

test('the day view draws sessions and meetings together', async () => {
  await (await byTestId(browser, 'meetings-tab-day')).click();
  await (await byTestId(browser, 'meetings-day')).waitForDisplayed({ timeout: 10000 });
  await browser.waitUntil(async () => (await browser.$$('[data-testid="day-meeting"]')).length === 2, { timeout: 10000 });
  assert.equal((await browser.$$('[data-testid="day-session"]')).length, 1, 'the attended plenary');
  await screenshot(browser, 'meetings-day');
});

test('on a phone-width window the day tabs scroll in their row, and the page stays as wide as the screen', async () => {
  await browser.setWindowSize(360, 800);
  try {
    await browser.waitUntil(() => browser.execute(() => window.innerWidth < 400), { timeout: 3000 });
    const [row, page] = await browser.execute(() => {
      const tabs = document.querySelector('[id^="day-tab-"]').parentElement;
      return [tabs.scrollWidth - tabs.clientWidth, document.documentElement.scrollWidth - window.innerWidth];
    });
    assert.ok(row > 0, 'the three day tabs are wider than a phone, so their row scrolls');
    assert.ok(page <= 1, `the page scrolls sideways by ${page} px`);
  } finally {
    await browser.setWindowSize(1280, 800);
  }
});

test('the follow-up draft names Ana and where we met', async () => {
  await (await byTestId(browser, 'nav-follow-ups')).click();
  await (await byTestId(browser, 'follow-ups-screen')).waitForDisplayed({ timeout: 10000 });
  const [owed] = cli(db, 'followups', '--json');
  const row = await browser.$(`[data-testid="follow-up-row"][data-follow-up-id="${owed.id}"]`);
  await row.waitForDisplayed({ timeout: 10000 });
  assert.match(await row.getText(), /Ana Sánchez/);
  await (await row.$('[data-testid="follow-up-open"]')).click();
  const draft = await byTestId(browser, 'follow-up-draft');
  await draft.waitForDisplayed({ timeout: 10000 });
  const text = await draft.getValue();
  assert.match(text, /Dear Ana Sánchez|Dear Dr Sánchez/);
  assert.match(text, /Café Forum/);
  await screenshot(browser, 'follow-ups');
  // Done: the target moves to followed up.
  await (await byTestId(browser, 'follow-up-mark-done')).click();
  await browser.waitUntil(() => targetStatus('Ana Sánchez') === 'followed_up', { timeout: 10000 });
});
