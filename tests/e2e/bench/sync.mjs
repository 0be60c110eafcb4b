// The sync figures of `make bench`, against a local Radicale (from the pinned interop venv):
// an ASH-sized plan (100 meetings with 100 targets, 200 sessions attending) synced for the first
// time, then synced again with nothing to do (median of 5). Times are the whole `hallway-cli sync
// run` process, connection and discovery included, as a user's "Sync now" would cost. For scale, the
// server alone: the same number of small events PUT one at a time by a plain HTTP client (Node's
// fetch, no Hallway), which is the floor any client of this server on this machine pays.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = process.env.HALLWAY_CLI;
const PYTHON = process.env.HALLWAY_DAV_PYTHON;
const PASSWORD = 'bench-secret';
const row = (label, value, unit, target = '') =>
  console.log(`${label.padEnd(46)} ${value.padStart(10)}${unit.padEnd(2)} ${target.padStart(10)}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = mkdtempSync(join(tmpdir(), 'hallway-sync-bench-'));
const db = join(work, 'hallway.sqlite3');
const env = { ...process.env, HALLWAY_DAV_PASSWORD: PASSWORD };
const cli = (...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 26 });

const port = await new Promise((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => done(port));
  });
});
writeFileSync(join(work, 'users'), `alice:${PASSWORD}\n`);
const radicale = spawn(PYTHON, ['-m', 'radicale', '--config', '', '--server-hosts', `127.0.0.1:${port}`,
  '--storage-filesystem-folder', join(work, 'collections'), '--auth-type', 'htpasswd',
  '--auth-htpasswd-filename', join(work, 'users'), '--auth-htpasswd-encryption', 'plain', '--auth-delay', '0'],
{ stdio: 'ignore' });
/** Milliseconds for `count` small events PUT one after another into a new calendar. */
async function plainPuts(port, count) {
  const auth = { Authorization: `Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}` };
  const base = `http://127.0.0.1:${port}/alice/floor/`;
  await fetch(base, { method: 'MKCALENDAR', headers: auth });
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const body = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//EN', 'BEGIN:VEVENT', `UID:floor-${i}`,
      'DTSTAMP:20261201T000000Z', 'DTSTART:20261206T150000Z', 'DTEND:20261206T153000Z', `SUMMARY:Item ${i}`,
      'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const res = await fetch(`${base}floor-${i}.ics`, {
      method: 'PUT', body, headers: { ...auth, 'Content-Type': 'text/calendar', 'If-None-Match': '*' },
    });
    if (res.status !== 201) throw new Error(`PUT ${i}: ${res.status}`);
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

try {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  cli('congress', 'add', '--name', 'ASH 2026', '--short-name', 'ASH26', '--starts', '2026-12-05', '--ends', '2026-12-08',
    '--time-zone', 'America/New_York');
  const ics = join(work, 'program.ics');
  cli('generate', '--format', 'ics', '--sessions', '1000', '--abstracts', '0', '--links', '0', '-o', ics);
  cli('program', 'import', '--congress', 'ASH26', ics);
  const sessions = JSON.parse(cli('program', 'list', '--congress', 'ASH26', '--json'));
  for (const s of sessions.slice(0, 200)) cli('program', 'attend', '--congress', 'ASH26', s.key);
  for (let i = 0; i < 100; i++) {
    const email = `person${i}@bench.example`;
    cli('people', 'add', '--name', `Person ${i}`, '--email', email);
    cli('target', 'set', '--congress', 'ASH26', email, '--priority', 'should', '--why', 'peer');
    const day = 6 + (i % 3);
    const hour = String(8 + Math.floor(i / 3) % 10).padStart(2, '0');
    const minute = (i % 2) * 30 === 0 ? '00' : '30';
    cli('meeting', 'add', '--congress', 'ASH26', '--with', email, '--start', `2026-12-0${day}T${hour}:${minute}:00-05:00`,
      '--minutes', '30', '--title', `Coffee ${i}`);
  }
  cli('sync', 'account', '--url', `http://127.0.0.1:${port}`, '--user', 'alice');
  const timed = () => {
    const start = process.hrtime.bigint();
    const report = JSON.parse(cli('sync', 'run', '--congress', 'ASH26', '--json'));
    return [Number(process.hrtime.bigint() - start) / 1e6, report];
  };
  const [first, report] = timed();
  const items = report.pushed;
  row(`sync, first run (${items} items)`, first.toFixed(0), 'ms', '≤ 5000ms');
  const idle = [];
  for (let i = 0; i < 5; i++) {
    const [ms, again] = timed();
    if (again.pushed + again.pulled + again.removed + again.conflicts !== 0) throw new Error(`not idle: ${JSON.stringify(again)}`);
    idle.push(ms);
  }
  row('sync with nothing to do, median of 5', median(idle).toFixed(0), 'ms', '≤ 200ms');
  row(`server alone: ${items} plain PUTs, one at a time`, (await plainPuts(port, items)).toFixed(0), 'ms');
} finally {
  radicale.kill();
  rmSync(work, { recursive: true, force: true });
}
