// Sync with a calendar server, end to end on the real app: a Radicale server started here (from
// the pinned interop venv, HALLWAY_DAV_PYTHON), the app's Settings connects to it with a password
// that goes to a real Secret Service (gnome-keyring in run.sh's private D-Bus session) and never
// into the database; "Sync now" puts the meeting on the server, where the Python caldav package
// (tests/sync/read_back.py) reads it; moved there by that other client, it comes back with the
// next "Sync now". hallway-cli then syncs with no password given: it reads the keychain too.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, tempDb, cli, byTestId, screenshot } from '../lib/app.mjs';

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

async function startRadicale() {
  assert.ok(PYTHON, 'HALLWAY_DAV_PYTHON names the venv python with radicale (make e2e sets it)');
  const dir = mkdtempSync(join(tmpdir(), 'hallway-e2e-dav-'));
  writeFileSync(join(dir, 'users'), `alice:${PASSWORD}\n`);
  const port = await freePort();
  radicale = spawn(PYTHON, ['-m', 'radicale', '--config', '', '--server-hosts', `127.0.0.1:${port}`,
    '--storage-filesystem-folder', join(dir, 'collections'), '--auth-type', 'htpasswd',
    '--auth-htpasswd-filename', join(dir, 'users'), '--auth-htpasswd-encryption', 'plain', '--auth-delay', '0'],
  { stdio: 'ignore' });
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
  return JSON.parse(execFileSync(PYTHON, [READ_BACK, calendarUrl, 'alice', PASSWORD, ...change], { encoding: 'utf8' }));
}

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
  const calendar = `${server.replace(/\/$/, '')}/alice/hallway-ash26/`;
  const up = readBack(calendar);
  assert.equal(up.length, 1);
  assert.equal(up[0].uid, meeting.uid);
  assert.equal(up[0].dtstart, '2026-12-06T15:30:00+00:00');

  // Another client (as a phone would) moves it an hour later, to Hall B.
  readBack(calendar, '--move', meeting.uid, '60', 'Hall B');
  await (await byTestId(browser, 'sync-now')).click();
  await browser.waitUntil(async () => /1 brought back/.test(await result.getText()), { timeout: 15000, timeoutMsg: 'the move did not come back' });
  const moved = cli(db, 'meeting', 'list', '--congress', 'ASH26').find((m) => m.id === meeting.id);
  assert.equal(moved.starts_at, '2026-12-06T11:30:00-05:00');
  assert.equal(moved.place, 'Hall B');

  // The command line finds the password in the keychain the app filled.
  const env = { ...process.env };
  delete env.HALLWAY_DAV_PASSWORD;
  const again = JSON.parse(execFileSync(process.env.HALLWAY_CLI, ['--db', db, 'sync', 'run', '--congress', 'ASH26', '--json'], { encoding: 'utf8', env }));
  assert.deepEqual(again, { pushed: 0, pulled: 0, removed: 0, conflicts: 0 });
});
