// The shell at the two window sizes the UI promises: a sidebar on a laptop
// window, a bottom bar on a phone-sized one, every section reachable; and the
// laptop window zoomed to 200% with Ctrl+= (Tauri's zoom keys), where every
// screen still fits its width and Ctrl+0 brings 100% back. Also: the page
// runs in a web process started with the app's WebKit settings, its font
// lists do not start with a system family the webview skips, and where Arial
// is an alias the text's list names the font it stands for.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launch, tempDb, cli, byTestId, screenshot, texts } from '../lib/app.mjs';
import { family } from '../lib/process.mjs';

const db = tempDb();
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

test('wide window: sidebar reaches every section, each with an honest empty state', async () => {
  cli(db, 'congress', 'add', '--name', 'EHA 2027', '--short-name', 'EHA27', '--starts', '2027-06-10',
    '--ends', '2027-06-13', '--time-zone', 'Europe/Madrid');
  browser = await launch(db, { width: 1280, height: 800 });
  for (const section of ['today', 'program', 'people', 'meetings', 'goals', 'pitches', 'follow-ups', 'touch']) {
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

test('the page runs in a web process drawing on the CPU, without JavaScriptCore\'s optimizing tiers', async () => {
  // The app started by the test above, found by its own database path.
  const app = Number(execFileSync('pgrep', ['-n', '-f', '--', `--db ${db}`], { encoding: 'utf8' }).trim());
  const helpers = family(app).slice(1).map((pid) => ({ pid, name: readFileSync(`/proc/${pid}/comm`, 'utf8').trim() }));
  const web = helpers.filter((p) => p.name.startsWith('WebKitWebProces'));
  assert.equal(web.length, 1, `one web process under the app: ${JSON.stringify(helpers)}`);
  const env = readFileSync(`/proc/${web[0].pid}/environ`, 'utf8').split('\0');
  assert.ok(env.includes('WEBKIT_DISABLE_COMPOSITING_MODE=1'), 'CPU drawing (src-tauri/src/lib.rs)');
  assert.ok(env.includes('JSC_useDFGJIT=false'), 'no optimizing JIT (src-tauri/src/lib.rs)');
  // And the page's scripts run as before: the shell answers a click.
  await (await byTestId(browser, 'nav-people')).click();
  await (await browser.$('main')).waitForDisplayed();
});

test('the text is drawn in the font its full list gives, and no list starts with a system family the webview skips', async () => {
  const fonts = await browser.execute(() => {
    // Width of a sample line in `font`: a family the webview cannot resolve is skipped, so the
    // list then measures as the rest of it.
    const width = (font) => {
      const span = document.createElement('span');
      span.style.cssText = `position: absolute; white-space: nowrap; font: 16px ${font}`;
      span.textContent = 'Hamburgefonstiv WM il 0123456789';
      document.body.append(span);
      const w = span.getBoundingClientRect().width;
      span.remove();
      return w;
    };
    const skipped = (family) => ['monospace', 'serif'].every((other) => width(`${family}, ${other}`) === width(other));
    // The lists as app.css writes them, and as the page uses them.
    const written = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).find((rule) => rule.selectorText === ':root');
    const used = getComputedStyle(document.documentElement);
    return ['--font', '--mono'].map((name) => {
      const full = written.style.getPropertyValue(name).trim();
      const list = used.getPropertyValue(name).trim();
      // The system families main.ts checks (src/lib/font-lists.ts); whether the families after them
      // resolve is the machine's fonts' business, not the app's.
      const first = list.split(',')[0].trim();
      const checked = ['system-ui', 'ui-monospace'].includes(first);
      return { name, full, list, firstSkipped: checked && skipped(first), same: width(list) === width(full) };
    });
  });
  for (const f of fonts) {
    assert.ok(f.full.length > 0, `${f.name} is written in app.css`);
    assert.equal(f.firstSkipped, false, `${f.name}: "${f.list}" starts with a system family the webview skips (src/lib/font-lists.ts)`);
    assert.ok(f.same, `${f.name}: "${f.list}" draws the font "${f.full}" gives`);
  }
});

test("where the webview skips system-ui, the text's list names first the font fontconfig draws for Arial", async () => {
  // fontconfig's own tool, asked apart from the app (src-tauri/src/fonts.rs asks the library).
  const drawn = execFileSync('fc-match', ['-f', '%{family[0]}', 'Arial'], { encoding: 'utf8' }).trim();
  const page = await browser.execute(() => ({
    skipsSystemUi: document.documentElement.classList.contains('no-system-ui'),
    handed: globalThis.__HALLWAY_ARIAL__,
    list: getComputedStyle(document.documentElement).getPropertyValue('--font').trim(),
  }));
  const twin = drawn.toLowerCase() === 'arial' ? null : drawn;
  assert.equal(page.handed, twin, `the app hands the page the family fc-match names for Arial ("${drawn}")`);
  if (page.skipsSystemUi && twin) {
    assert.ok(page.list.startsWith(`"${twin}"`), `--font "${page.list}" starts with "${twin}"`);
  } else {
    assert.ok(!page.list.startsWith('"'), `--font "${page.list}" is app.css's own list`);
  }
});

test('narrow window: a bottom bar replaces the sidebar', async () => {
  await browser.setWindowSize(420, 800);
  await browser.waitUntil(async () => !(await (await byTestId(browser, 'sidebar')).isDisplayed()), { timeout: 3000 });
  const bar = await byTestId(browser, 'bottom-bar');
  assert.ok(await bar.isDisplayed());
  await (await byTestId(browser, 'bottom-program')).click();
  // "More" opens a popover above the button; Esc closes it and the focus goes back to More.
  await (await byTestId(browser, 'bottom-more')).click();
  const menu = await byTestId(browser, 'more-menu');
  await menu.waitForDisplayed({ timeout: 3000 });
  await browser.keys('Escape');
  await menu.waitForDisplayed({ reverse: true, timeout: 3000 });
  const focused = await browser.execute(() => document.activeElement?.dataset.testid ?? '');
  assert.equal(focused, 'bottom-more', 'Esc gives the focus back to More');
  await (await byTestId(browser, 'bottom-more')).click();
  await (await byTestId(browser, 'more-congresses')).click();
  await (await byTestId(browser, 'more-menu')).waitForDisplayed({ reverse: true, timeout: 3000 });
  await browser.waitUntil(async () => (await texts(browser, 'congress-row')).length === 1, { timeout: 3000 });
  await screenshot(browser, 'narrow');
});

/** How far the page is wider than its window, in CSS px (0 when nothing scrolls sideways). */
const overflow = () => browser.execute(() => document.documentElement.scrollWidth - window.innerWidth);

test('200% zoom: Ctrl+= five times halves the page width, and every screen still fits it', async () => {
  await browser.setWindowSize(1280, 800);
  await (await browser.$('main')).click();
  const width = () => browser.execute(() => window.innerWidth);
  const before = await width();
  for (let i = 0; i < 5; i++) await browser.keys(['Control', '=']);
  await browser.waitUntil(async () => (await width()) <= before / 2 + 2, {
    timeout: 5000,
    timeoutMsg: `the page did not zoom to 200% (${before} px wide before)`,
  });
  for (const section of ['today', 'program', 'people', 'meetings', 'goals', 'pitches', 'follow-ups', 'touch', 'congresses', 'settings']) {
    await browser.execute((s) => { location.hash = `#/${s}`; }, section);
    await browser.waitUntil(async () => (await browser.execute(() => location.hash)) === `#/${section}`, { timeout: 3000 });
    await browser.pause(100);
    assert.ok((await overflow()) <= 1, `${section} scrolls sideways at 200% by ${await overflow()} px`);
  }
  await screenshot(browser, 'zoom-200');
  await browser.keys(['Control', '0']);
  await browser.waitUntil(async () => (await width()) === before, { timeout: 5000, timeoutMsg: 'Ctrl+0 did not reset the zoom' });
});
