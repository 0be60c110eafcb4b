// People end to end on the real app: import a LinkedIn Connections.csv with
// its preview, find someone by a fragment of their name typed without the
// accent, make them a must-meet mentor, log a note, move them along, and
// merge two records of one person, and close follow-ups from a person's
// page. Every step is checked through hallway-cli against the real database.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, tempDb, cli, fill, byTestId, screenshot, texts } from '../lib/app.mjs';

const connections = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/people/Connections.csv');
const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

const personRow = (name) =>
  browser.execute(
    (n) => [...document.querySelectorAll('[data-testid="person-row"]')].find((r) => r.textContent.includes(n))?.dataset.personId ?? null,
    name,
  );

async function openPerson(typed, name) {
  await fill(browser, 'people-search', typed);
  let id = null;
  await browser.waitUntil(async () => (id = await personRow(name)) !== null, { timeout: 5000 });
  // The list re-renders as search results settle; a click that lands on a
  // row being replaced is lost, so click again until the page opens.
  const page = await byTestId(browser, 'person-page');
  await browser.waitUntil(
    async () => {
      const row = await browser.$(`[data-testid="person-row"][data-person-id="${id}"]`);
      if (await row.isExisting()) await row.click().catch(() => {});
      return page.waitForDisplayed({ timeout: 1500 }).then(() => true, () => false);
    },
    { timeout: 10000, timeoutMsg: `the page of ${name} did not open` },
  );
  await browser.waitUntil(async () => (await (await byTestId(browser, 'person-name')).getText()).includes(name), { timeout: 5000 });
  return Number(id);
}

test('import Connections.csv through the preview', async () => {
  cli(db, 'congress', 'add', '--name', 'EHA 2027', '--short-name', 'EHA27', '--series', 'eha', '--starts',
    '2027-06-10', '--ends', '2027-06-13', '--time-zone', 'Europe/Madrid');
  browser = await launch(db);
  await (await byTestId(browser, 'nav-people')).click();
  await (await byTestId(browser, 'people-empty')).waitForDisplayed();

  await (await byTestId(browser, 'import-contacts')).click();
  await (await byTestId(browser, 'contacts-path-open')).click();
  await fill(browser, 'contacts-path', connections);
  await (await byTestId(browser, 'contacts-path-submit')).click();
  const preview = await byTestId(browser, 'contacts-preview');
  await preview.waitForDisplayed({ timeout: 10000 });
  // Nothing is written before the user confirms.
  assert.equal(cli(db, 'stats', '--json').people, 0);
  const expected = cli(db, 'people', 'import', '--preview', connections);
  assert.match(await (await byTestId(browser, 'preview-new')).getText(), new RegExp(String(expected.new)));
  await screenshot(browser, 'contacts-preview');

  await (await byTestId(browser, 'contacts-confirm')).click();
  const report = await byTestId(browser, 'contacts-report');
  await report.waitForDisplayed({ timeout: 10000 });
  assert.equal(cli(db, 'stats', '--json').people, expected.new);
  await (await byTestId(browser, 'contacts-close')).click();
  await browser.waitUntil(async () => (await texts(browser, 'person-row')).length > 0, { timeout: 5000 });
});

test('find Kari Ødegård by typing "odeg"', async () => {
  const id = await openPerson('odeg', 'Ødegård');
  const [stored] = cli(db, 'people', 'search', 'odegard', '--json');
  assert.equal(stored.id, id);
  assert.equal(stored.email, 'kari.odegard@ous-hf.no');
  await screenshot(browser, 'person-page');
});

test('make her a must-meet mentor, note the meeting, move her along', async () => {
  await (await byTestId(browser, 'target-priority')).selectByAttribute('value', 'must');
  await (await byTestId(browser, 'target-why')).selectByAttribute('value', 'mentor');
  await fill(browser, 'target-reason', 'MRD-guided therapy; possible fellowship');
  await (await byTestId(browser, 'make-target')).click();
  const status = await byTestId(browser, 'target-status');
  await status.waitForDisplayed({ timeout: 5000 });
  let [target] = cli(db, 'target', 'list', '--congress', 'EHA27', '--json');
  assert.equal(target.priority, 'must');
  assert.equal(target.why, 'mentor');
  assert.equal(target.status, 'idea');

  await fill(browser, 'interaction-note', 'Met at poster 1234, asked about her CAR-T data');
  await (await byTestId(browser, 'add-interaction')).click();
  await browser.waitUntil(async () => (await texts(browser, 'interaction-item')).some((t) => t.includes('poster 1234')), {
    timeout: 5000,
  });
  assert.equal(cli(db, 'stats', '--json').interactions, 1);

  await (await byTestId(browser, 'target-advance')).click();
  await browser.waitUntil(async () => (await status.getText()) === 'Contacted', { timeout: 5000 });
  [target] = cli(db, 'target', 'list', '--congress', 'EHA27', '--json');
  assert.equal(target.status, 'contacted');
});

test('the targets board shows her under Contacted', async () => {
  await (await byTestId(browser, 'person-close')).click();
  await (await byTestId(browser, 'people-tab-targets')).click();
  const card = await browser.$('[data-testid="target-card"][data-status="contacted"]');
  await card.waitForDisplayed({ timeout: 5000 });
  assert.match(await card.getText(), /Ødegård/);
  await screenshot(browser, 'targets-board');
  await (await byTestId(browser, 'people-tab-everyone')).click();
});

test('merge two records of Jörg Müller', async () => {
  cli(db, 'people', 'add', '--name', 'Joerg Mueller', '--email', 'joerg.mueller@charite.de', '--institution', 'Charité');
  const before = cli(db, 'stats', '--json').people;
  await browser.deleteSession();
  browser = await launch(db);
  await (await byTestId(browser, 'nav-people')).click();
  const keep = await openPerson('muller', 'Müller');
  await (await byTestId(browser, 'merge-person')).click();
  await fill(browser, 'merge-search', 'joerg');
  const candidate = await browser.$('[data-testid="merge-candidate"]');
  await candidate.waitForDisplayed({ timeout: 5000 });
  assert.match(await candidate.getText(), /Joerg Mueller/);
  await candidate.click();
  await (await byTestId(browser, 'merge-confirm')).click();
  await browser.waitUntil(async () => cli(db, 'people', 'search', 'joerg.mueller', '--json').length === 1, { timeout: 5000 });
  const [merged] = cli(db, 'people', 'search', 'joerg.mueller', '--json');
  assert.equal(merged.id, keep, 'the record whose page was open is kept');
  // Only the kept record answers now (its new email matches these words too).
  assert.deepEqual(cli(db, 'people', 'search', 'Joerg Mueller', '--json').map((p) => p.id), [keep]);
  assert.equal(cli(db, 'stats', '--json').people, before, 'merged, not deleted: the row stays, hidden');
});

test('delete offers Undo, which brings the person back', async () => {
  const id = await openPerson('adeyemi', 'Adeyemi');
  await (await byTestId(browser, 'delete-person')).click();
  const confirm = await byTestId(browser, 'confirm-ok');
  if (await confirm.isExisting() && (await confirm.isDisplayed())) await confirm.click();
  await browser.waitUntil(async () => cli(db, 'people', 'search', 'adeyemi', '--json').length === 0, { timeout: 5000 });
  await (await byTestId(browser, 'undo-delete')).click();
  await browser.waitUntil(async () => cli(db, 'people', 'search', 'adeyemi', '--json').length === 1, { timeout: 5000 });
  assert.equal(cli(db, 'people', 'search', 'adeyemi', '--json')[0].id, id);
});

test('her page lists what is owed to her; Done closes each and follows her up', async () => {
  // The note logged at EHA 2027 drafted one; a meeting marked done drafts another.
  const meeting = cli(db, 'meeting', 'add', '--congress', 'EHA27', '--with', 'kari.odegard@ous-hf.no', '--start',
    '2027-06-11T10:30:00+02:00', '--minutes', '30', '--title', 'Coffee');
  cli(db, 'meeting', 'update', String(meeting.id), '--status', 'done');
  const owedToHer = () => cli(db, 'followups', '--json').filter((f) => f.display_name.includes('Ødegård'));
  const before = owedToHer().length;
  assert.ok(before >= 1, 'a follow-up is owed');

  await openPerson('odeg', 'Ødegård');
  const owedItems = () => browser.$$('[data-testid="person-follow-up"][data-status="owed"]');
  await browser.waitUntil(async () => (await owedItems()).length === before, { timeout: 5000 });
  assert.match(await (await owedItems())[0].getText(), /EHA 2027/);
  for (let left = before; left > 0; left--) {
    const [item] = await owedItems();
    await (await item.$('[data-testid="person-follow-up-done"]')).click();
    await browser.waitUntil(async () => owedToHer().length === left - 1, { timeout: 5000 });
    // The page reloads after the database changed; the next Done is clicked on the new list.
    await browser.waitUntil(async () => (await owedItems()).length === left - 1, { timeout: 5000 });
  }
  await browser.waitUntil(async () => (await owedItems()).length === 0, { timeout: 5000 });
  assert.equal((await browser.$$('[data-testid="person-follow-up"][data-status="done"]')).length, before);
  const [target] = cli(db, 'target', 'list', '--congress', 'EHA27', '--json');
  assert.equal(target.status, 'followed_up');

  // Open in Follow-ups goes there with that follow-up open in the editor.
  const [first] = await browser.$$('[data-testid="person-follow-up"]');
  await (await first.$('[data-testid="person-follow-up-open"]')).click();
  const editor = await byTestId(browser, 'follow-up-editor');
  await editor.waitForDisplayed({ timeout: 5000 });
  assert.match(await (await byTestId(browser, 'follow-up-editor-status')).getText(), /Done/);
  assert.match(await browser.getUrl(), /#\/follow-ups/);
});
