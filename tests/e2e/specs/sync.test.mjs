// Sync with a calendar server, end to end on the real app: a Radicale server started here (from
// the pinned interop venv, HALLWAY_DAV_PYTHON), the app's Settings connects to it with a password
// that goes to a real Secret Service (gnome-keyring in run.sh's private D-Bus session) and never
// into the database; "Sync now" puts the meeting on the server, where the Python caldav package
// (tests/sync/read_back.py) reads it; moved there by that other client, it comes back with the
// next "Sync now". hallway-cli then syncs with no password given: it reads the keychain too.
// After that the app syncs by itself: a meeting edited in the app reaches the server a few seconds
// later with no click, and the shell's status says when; with the server gone the change waits
// ("Offline · 1 waiting") and goes once the server is back. Last, a meeting changed both here and
// on the server is a conflict: the server's copy is left alone, both versions are shown side by
// side in Settings, and the one chosen is what both sides have after the next sync. And a password
// changed on the server stops the background sync after one refusal (no retries), the shell and
// Settings ask for it, and once entered the waiting change goes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync, readFileSync, openSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, tempDb, cli, byTestId, screenshot, axeProblems } from '../lib/app.mjs';

const PYTHON = process.env.HALLWAY_DAV_PYTHON;
const READ_BACK = resolve(dirname(fileURLToPath(import.meta.url)), '../../sync/read_back.py');
const PASSWORD = 'e2e-Secret-7431';
const db = tempDb();
let browser;
let radicale;
after(async () => {
  await browser?.deleteSession().catch(() => {});
  radicale?.kill();
});

function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

let dir;
let port;

async function startRadicale() {
  assert.ok(PYTHON, 'HALLWAY_DAV_PYTHON names the venv python with radicale (make e2e sets it)');
  dir ??= mkdtempSync(join(tmpdir(), 'hallway-e2e-dav-'));
  writeFileSync(join(dir, 'users'), `alice:${PASSWORD}\n`);
  port ??= await freePort();
  radicale = spawn(PYTHON, ['-m', 'radicale', '--config', '', '--server-hosts', `127.0.0.1:${port}`,
    '--storage-filesystem-folder', join(dir, 'collections'), '--auth-type', 'htpasswd',
    '--auth-htpasswd-filename', join(dir, 'users'), '--auth-htpasswd-encryption', 'plain', '--auth-delay', '0'],
  { stdio: ['ignore', 'ignore', openSync(join(dir, 'radicale.log'), 'a')] });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return url;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('radicale did not start');
}

/** The calendar's events as the Python caldav package reads them (optionally after a change). */
function readBack(calendarUrl, ...change) {
  return JSON.parse(execFileSync(PYTHON, [READ_BACK, calendarUrl, 'alice', password, ...change], { encoding: 'utf8' }));
}

let password = PASSWORD;

/** Requests Radicale refused for a wrong password, so far. */
const refusals = () => {
  const log = join(dir, 'radicale.log');
  return existsSync(log) ? (readFileSync(log, 'utf8').match(/Failed login attempt/g) ?? []).length : 0;
};

let server;
let meeting;

test('connect a calendar server in Settings: the password goes to the keychain, not the database', async () => {
  server = await startRadicale();
  cli(db, 'congress', 'add', '--name', 'ASH 2026', '--short-name', 'ASH26', '--starts', '2026-12-05',
    '--ends', '2026-12-08', '--time-zone', 'America/New_York');
  cli(db, 'people', 'add', '--name', 'Ana Sánchez', '--email', 'ana@clinic.example');
  meeting = cli(db, 'meeting', 'add', '--congress', 'ASH26', '--with', 'ana@clinic.example', '--start',
    '2026-12-06T10:30:00-05:00', '--minutes', '30', '--title', 'Coffee with Ana');
  browser = await launch(db);
  await (await byTestId(browser, 'nav-settings')).click();
  await (await byTestId(browser, 'sync-url')).waitForDisplayed({ timeout: 10000 });
  await (await byTestId(browser, 'sync-url')).addValue(server.replace('http://', '').replace(/\/$/, ''));
  await (await byTestId(browser, 'sync-user')).addValue('alice');
  await (await byTestId(browser, 'sync-password')).addValue(PASSWORD);
  await (await byTestId(browser, 'sync-connect')).click();
  const account = await byTestId(browser, 'sync-account');
  await account.waitForDisplayed({ timeout: 15000, timeoutMsg: 'not connected' }).catch(async (e) => {
    const problem = await browser.execute(() => document.querySelector('[data-testid="sync-problem"]')?.textContent ?? '');
    throw new Error(`${e.message}: ${problem}`);
  });
  assert.match(await account.getText(), /Connected to 127\.0\.0\.1:\d+ as alice/);
  assert.ok(!readFileSync(db).includes(PASSWORD), 'the password is not in the database file');
});

test('Sync now puts the meeting on the server; moved there, it comes back', async () => {
  await (await byTestId(browser, 'sync-now')).click();
  const result = await byTestId(browser, 'sync-result');
  await browser.waitUntil(async () => /Synced: 1 sent/.test(await result.getText()), { timeout: 15000, timeoutMsg: 'no sync result' });
  await screenshot(browser, 'settings-sync');
  assert.deepEqual(await axeProblems(browser, 'settings, connected and synced'), []);
  const calendar = `${server.replace(/\/$/, '')}/alice/hallway-ash26/`;
  const up = readBack(calendar);
  assert.equal(up.length, 1);
  assert.equal(up[0].uid, meeting.uid);
  assert.equal(up[0].dtstart, '2026-12-06T15:30:00+00:00');

  // Another client (as a phone would) moves it an hour later, to Hall B.
  readBack(calendar, '--move', meeting.uid, '60', 'Hall B');
  await (await byTestId(browser, 'sync-now')).click();
  // Brought back by this sync, or already by the one the app runs by itself a few seconds after start.
  const moved = () => cli(db, 'meeting', 'list', '--congress', 'ASH26').find((m) => m.id === meeting.id);
  await browser.waitUntil(async () => /1 brought back|Already in step/.test(await result.getText()) && moved().place === 'Hall B', {
    timeout: 15000, timeoutMsg: 'the move did not come back',
  });
  assert.equal(moved().starts_at, '2026-12-06T11:30:00-05:00');

  // The command line finds the password in the keychain the app filled.
  const env = { ...process.env };
  delete env.HALLWAY_DAV_PASSWORD;
  const again = JSON.parse(execFileSync(process.env.HALLWAY_CLI, ['--db', db, 'sync', 'run', '--congress', 'ASH26', '--json'], { encoding: 'utf8', env }));
  assert.deepEqual(again, { pushed: 0, pulled: 0, removed: 0, conflicts: 0 });
});

/** The meeting's title in the app's editor, saved. */
async function retitle(title) {
  await (await byTestId(browser, 'nav-meetings')).click();
  const edit = await browser.$(`[data-testid="meeting-row"][data-meeting-id="${meeting.id}"] [data-testid="meeting-edit"]`);
  await edit.waitForDisplayed({ timeout: 10000 });
  await edit.click();
  const editor = await byTestId(browser, 'meeting-editor');
  await editor.waitForDisplayed({ timeout: 10000 });
  const field = await byTestId(browser, 'field-title');
  await field.clearValue();
  await field.addValue(title);
  await (await byTestId(browser, 'save-meeting')).click();
  await editor.waitForDisplayed({ reverse: true, timeout: 10000 });
}

const calendarUrl = () => `${server.replace(/\/$/, '')}/alice/hallway-ash26/`;
const statusText = async () => (await byTestId(browser, 'sync-status')).getAttribute('aria-label');

test('a meeting changed in the app reaches the server by itself, and the shell says when', async () => {
  await retitle('Coffee with Ana, MRD');
  await browser.waitUntil(() => readBack(calendarUrl())[0]?.summary === 'Coffee with Ana, MRD', {
    timeout: 30000, interval: 1000, timeoutMsg: 'the edit did not reach the server without a click',
  });
  await browser.waitUntil(async () => /Calendar sync: Synced \d\d:\d\d/.test(await statusText()), { timeout: 10000 });
});

test('offline, a change waits and goes when the server answers again', async () => {
  radicale.kill();
  await new Promise((r) => radicale.once('exit', r));
  await retitle('Coffee with Ana, MRD data');
  await browser.waitUntil(async () => (await statusText()) === 'Calendar sync: Offline · 1 waiting', {
    timeout: 30000, timeoutMsg: 'the shell did not say the change waits',
  });
  await screenshot(browser, 'sync-offline');
  await startRadicale();
  await browser.waitUntil(() => readBack(calendarUrl())[0]?.summary === 'Coffee with Ana, MRD data', {
    timeout: 60000, interval: 2000, timeoutMsg: 'the waiting change did not go when the server came back',
  });
  await browser.waitUntil(async () => /Synced/.test(await statusText()), { timeout: 10000 });
});

test('a meeting changed here and on the phone waits for a choice, made side by side', async () => {
  // Syncing by itself off, so the edit made here is not sent before the phone's.
  await (await byTestId(browser, 'nav-settings')).click();
  const auto = await byTestId(browser, 'sync-choice-auto');
  await auto.waitForDisplayed({ timeout: 10000 });
  await auto.click();
  await retitle('Coffee with Ana and Li');
  readBack(calendarUrl(), '--move', meeting.uid, '30', 'Lobby');
  await (await byTestId(browser, 'nav-settings')).click();
  await (await byTestId(browser, 'sync-now')).click();
  const result = await byTestId(browser, 'sync-result');
  await browser.waitUntil(async () => /1 changed on both sides/.test(await result.getText()), { timeout: 15000, timeoutMsg: 'no conflict' });
  assert.equal(readBack(calendarUrl())[0].summary, 'Coffee with Ana, MRD data', "the server's version is not overwritten");

  await (await byTestId(browser, 'sync-resolve')).click();
  const dialog = await byTestId(browser, 'sync-conflicts-dialog');
  await dialog.waitForDisplayed({ timeout: 10000 });
  await (await byTestId(browser, 'keep-server')).waitForDisplayed({ timeout: 10000 });
  const here = await (await byTestId(browser, 'conflict-hallway')).getText();
  const there = await (await byTestId(browser, 'conflict-server')).getText();
  assert.match(here, /Coffee with Ana and Li/);
  assert.match(there, /Lobby/);
  await screenshot(browser, 'sync-conflict');
  assert.deepEqual(await axeProblems(browser, 'conflicts dialog'), []);
  await (await byTestId(browser, 'keep-server')).click();
  await (await byTestId(browser, 'conflicts-none')).waitForDisplayed({ timeout: 10000 });
  await browser.keys('Escape');
  await dialog.waitForDisplayed({ reverse: true, timeout: 10000 });

  const kept = cli(db, 'meeting', 'list', '--congress', 'ASH26').find((m) => m.id === meeting.id);
  assert.equal(kept.place, 'Lobby');
  assert.equal(kept.title, 'Coffee with Ana, MRD data');
  assert.deepEqual(cli(db, 'sync', 'conflicts', '--json'), []);
  await (await byTestId(browser, 'sync-now')).click();
  await browser.waitUntil(async () => /Already in step/.test(await result.getText()), { timeout: 15000, timeoutMsg: 'the choice left something to sync' });
});

test('a password changed on the server stops the sync at once and asks for it again', async () => {
  const auto = await byTestId(browser, 'sync-choice-auto');
  await auto.click(); // back on: syncs by itself again
  password = 'e2e-New-Secret-2231';
  writeFileSync(join(dir, 'users'), `alice:${password}\n`);
  await retitle('Coffee with Ana, slides');
  await browser.waitUntil(async () => (await statusText()) === 'Calendar sync: Re-enter password', {
    timeout: 30000, timeoutMsg: 'the shell did not ask for the password',
  });
  const refused = refusals();
  assert.ok(refused >= 1, 'the server refused the old password');
  // Longer than the first retry of an offline server: a refused password is not tried again.
  await new Promise((r) => setTimeout(r, 12000));
  assert.equal(refusals(), refused, 'no retry with the refused password');

  await (await byTestId(browser, 'sync-status')).click();
  const field = await byTestId(browser, 'sync-password-again-field');
  await field.waitForDisplayed({ timeout: 10000 });
  await screenshot(browser, 'sync-password-again');
  await field.addValue(password);
  await (await byTestId(browser, 'sync-password-save')).click();
  await browser.waitUntil(() => readBack(calendarUrl())[0]?.summary === 'Coffee with Ana, slides', {
    timeout: 30000, interval: 1000, timeoutMsg: 'the waiting change did not go with the new password',
  });
  await browser.waitUntil(async () => /Synced/.test(await statusText()), { timeout: 10000 });
});
