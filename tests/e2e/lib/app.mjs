// Starts the real Hallway binary for one test through tauri-driver, each run
// on its own database file, and offers the few helpers every spec needs.
import { remote } from 'webdriverio';
import { AxeBuilder } from '@axe-core/webdriverio';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = join(here, '..', 'artifacts');
const BIN = process.env.HALLWAY_BIN;
const CLI = process.env.HALLWAY_CLI;
const PORT = Number(process.env.E2E_DRIVER_PORT ?? 4444);

/** A fresh database path in its own temporary folder. */
export function tempDb() {
  return join(mkdtempSync(join(tmpdir(), 'hallway-e2e-')), 'hallway.sqlite3');
}

/** Opens the app on `db` and waits until the UI has loaded its data. */
export async function launch(db, { width = 1280, height = 800 } = {}) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: PORT,
    logLevel: 'error',
    connectionRetryCount: 0,
    capabilities: {
      'tauri:options': { application: BIN, args: ['--db', db] },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  await browser.setWindowSize(width, height);
  await browser.$('[data-testid="app-ready"]').waitForExist({ timeout: 20000 });
  return browser;
}

/** Runs hallway-cli against `db` and parses its JSON output. */
export function cli(db, ...args) {
  return JSON.parse(execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' }));
}

/**
 * Saves a PNG of the window under tests/e2e/artifacts (git-ignored).
 *
 * WebKitWebDriver's screenshot waits for the next frame the page paints. With the CPU drawing the
 * app uses on Linux (src-tauri/src/lib.rs) a page at rest paints none, and the request hung until
 * its timeout; an invisible pixel that changes every frame for a few seconds gives it frames.
 */
export async function screenshot(browser, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await browser.execute(() => {
    const pixel = document.createElement('div');
    pixel.setAttribute('aria-hidden', 'true');
    pixel.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0.01;pointer-events:none';
    document.body.append(pixel);
    let frame = 0;
    const tick = () => {
      pixel.style.opacity = frame % 2 ? '0.01' : '0.02';
      if (++frame < 240) requestAnimationFrame(tick);
      else pixel.remove();
    };
    requestAnimationFrame(tick);
  });
  await browser.saveScreenshot(join(ARTIFACTS, `${name}.png`));
}

/** Clears a field and types `text` into it, as a user would. */
export async function fill(browser, testid, text) {
  const field = await browser.$(`[data-testid="${testid}"]`);
  await field.waitForDisplayed();
  await field.clearValue();
  if (text !== '') {
    await field.setValue(text);
  } else {
    // clearValue does not fire `input` in WebKitWebDriver; tell the UI.
    await browser.execute((el) => el.dispatchEvent(new Event('input', { bubbles: true })), field);
  }
  return field;
}

export const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);

/** The text of every element with `testid`, read in one step (no stale elements). */
export function texts(browser, testid) {
  return browser.execute(
    (id) => [...document.querySelectorAll(`[data-testid="${id}"]`)].map((e) => e.textContent ?? ''),
    testid,
  );
}

/** Imports a program file on the Program screen by typing its path (the field sits in a disclosure). */
export async function importProgramPath(browser, path) {
  if (!(await (await byTestId(browser, 'import-path')).isDisplayed())) {
    await (await byTestId(browser, 'import-path-open')).click();
  }
  await fill(browser, 'import-path', path);
  await (await byTestId(browser, 'import-path-submit')).click();
}

/** Serious and critical axe violations on the page as it is now, one line each, prefixed with `where`. */
export async function axeProblems(browser, where) {
  // Legacy mode runs axe in the page itself: the default opens a second window, which a Tauri app has not.
  const result = await new AxeBuilder({ client: browser }).setLegacyMode(true).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      if (process.env.AXE_DEBUG) console.log('AXE', v.id, JSON.stringify(v.nodes.map((n) => `${n.failureSummary} :: ${n.html.slice(0, 200)}`)));
      return v;
    })
    .map((v) => `${where}: ${v.id} (${v.impact}) on ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}: ${v.help}`);
}
