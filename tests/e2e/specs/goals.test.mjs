// Goals and pitches end to end on the real app: adopt the starter set for a
// first EHA, meet a mentor target and watch "Meet 3 potential mentors" move
// from 0 to 1; tick a manual goal; write a 156-word pitch at 130 words a
// minute and see it run over ("72 s of 60 s"); link it to the mentor and find it on their
// page. What was stored is checked through hallway-cli.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, tempDb, cli, fill, byTestId, screenshot } from '../lib/app.mjs';

const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

const C = 'EHA27';
const goal = (title) => cli(db, 'goals', '--congress', C, '--json').find((g) => g.title === title);

test('adopt the starter goals', async () => {
  cli(db, 'congress', 'add', '--name', 'EHA 2027', '--short-name', C, '--series', 'eha', '--starts', '2027-06-10',
    '--ends', '2027-06-13', '--time-zone', 'Europe/Madrid');
  cli(db, 'people', 'add', '--name', 'Kari Ødegård', '--institution', 'Oslo University Hospital');
  cli(db, 'target', 'set', '--congress', C, 'Kari Ødegård', '--priority', 'must', '--why', 'mentor');
  browser = await launch(db);
  await (await byTestId(browser, 'nav-goals')).click();
  await (await byTestId(browser, 'goals-empty')).waitForDisplayed({ timeout: 10000 });
  const keys = await browser.execute(() => [...document.querySelectorAll('[data-testid="starter-goal"]')].map((e) => e.dataset.key));
  assert.ok(keys.includes('mentors') && keys.length >= 6, keys.join());
  await (await byTestId(browser, 'adopt-starters')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="goal-card"]')).length === keys.length, { timeout: 10000 });
  const mentors = goal('Meet 3 potential mentors');
  assert.deepEqual([mentors.progress, mentors.target], [0, 3]);
  assert.ok(cli(db, 'goals', '--congress', C, '--json').some((g) => /EHA-YHN/.test(g.title)), 'worded for EHA');
  await screenshot(browser, 'goals');
});

test('meeting a mentor moves the mentors goal', async () => {
  const kari = cli(db, 'target', 'list', '--congress', C, '--json')[0];
  // Met at a poster: logged from Today's "met someone".
  await (await byTestId(browser, 'nav-today')).click();
  await (await byTestId(browser, 'met-someone')).click();
  await fill(browser, 'met-search', 'odeg');
  const option = await browser.$(`[data-testid="met-option"][data-person-id="${kari.person_id}"]`);
  await option.waitForDisplayed({ timeout: 10000 });
  await option.click();
  await fill(browser, 'met-note', 'At her poster on MRD');
  await (await byTestId(browser, 'met-save')).click();
  await browser.waitUntil(() => goal('Meet 3 potential mentors').progress === 1, { timeout: 10000 });
  await (await byTestId(browser, 'nav-goals')).click();
  const card = await browser.$(`[data-testid="goal-card"][data-goal-id="${goal('Meet 3 potential mentors').id}"]`);
  await card.waitForDisplayed({ timeout: 10000 });
  await browser.waitUntil(async () => (await (await card.$('[data-testid="goal-progress"]')).getText()) === '1 of 3', {
    timeout: 10000,
  });
});

test('tick a manual goal', async () => {
  const poster = goal('Present my poster');
  const card = await browser.$(`[data-testid="goal-card"][data-goal-id="${poster.id}"]`);
  await (await card.$('[data-testid="goal-check"]')).click();
  await browser.waitUntil(() => goal('Present my poster').met === true, { timeout: 10000 });
});

test('write a pitch, see its timing, link it to the mentor', async () => {
  await (await byTestId(browser, 'nav-pitches')).click();
  await (await byTestId(browser, 'pitches-screen')).waitForDisplayed({ timeout: 10000 });
  await (await byTestId(browser, 'new-pitch')).click();
  await (await byTestId(browser, 'pitch-form')).waitForDisplayed({ timeout: 10000 });
  await fill(browser, 'pitch-field-title', 'To a myeloma mentor');
  await (await byTestId(browser, 'pitch-field-audience')).selectByAttribute('value', 'mentor');
  await (await byTestId(browser, 'pitch-target-60')).click();
  // 13 × 12 = 156 words: 72 s at 130 words a minute, over a 60 s target. Set at once (typing is slow).
  const body = Array.from({ length: 13 }, () => 'I study MRD-guided therapy in myeloma and want to learn from you.').join(' ');
  const field = await byTestId(browser, 'pitch-field-body');
  await browser.execute((el, text) => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, field, body);
  await browser.waitUntil(async () => (await (await byTestId(browser, 'pitch-live-words')).getText()) === '156 words', {
    timeout: 5000,
  });
  assert.equal(await (await byTestId(browser, 'pitch-live-time')).getText(), '72 s of 60 s');
  await (await byTestId(browser, 'pitch-save')).click();
  const card = await byTestId(browser, 'pitch-card');
  await card.waitForDisplayed({ timeout: 10000 });
  assert.match(await (await card.$('[data-testid="pitch-timing"]')).getText(), /156 words · 72 s of 60 s/);
  await screenshot(browser, 'pitches');

  // Linked on the person page.
  const kari = cli(db, 'target', 'list', '--congress', C, '--json')[0];
  await (await byTestId(browser, 'nav-people')).click();
  await fill(browser, 'people-search', 'odeg');
  const page = await byTestId(browser, 'target-pitch');
  await browser.waitUntil(async () => {
    const row = await browser.$(`[data-testid="person-row"][data-person-id="${kari.person_id}"]`);
    if (await row.isExisting()) await row.click().catch(() => {});
    return page.waitForDisplayed({ timeout: 1500 }).then(() => true, () => false);
  }, { timeout: 15000, timeoutMsg: 'the person page did not open' });
  const options = await browser.execute((el) => [...el.options].map((o) => [o.value, o.textContent]), page);
  const pitchOption = options.find(([, label]) => label.includes('To a myeloma mentor'));
  await page.selectByAttribute('value', pitchOption[0]);
  await browser.waitUntil(() => cli(db, 'target', 'list', '--congress', C, '--json')[0].pitch_id !== null, { timeout: 10000 });
  await (await byTestId(browser, 'target-pitch-shown')).waitForDisplayed({ timeout: 10000 });
});
