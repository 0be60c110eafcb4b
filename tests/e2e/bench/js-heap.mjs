// The page's JavaScript heap, by kind of object, at three steps of a session (after start, the
// program's list, the room grid), read through WebKit's remote inspector of a build that has one
// (js-heap.sh starts it). At each step: a full collection, then the web process's PSS from /proc,
// the inspector's memory sample (the heap's size with what it has not given back, and everything
// else) and its heap snapshot (live objects by class, each with its own size). Prints the
// totals, each step's largest kinds and what each step added. Measures only.
import WebSocket from 'ws';
import { readFileSync } from 'node:fs';
import { family, pssKib } from '../lib/process.mjs';

const INSPECTOR = process.env.INSPECTOR;
const APP_PID = Number(process.env.APP_PID);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes) => (bytes / 1048576).toFixed(2);

/** The page's inspector socket, from the target list the inspector's HTTP server shows. */
async function socketPath() {
  for (let i = 0; i < 300; i++) {
    try {
      const page = await (await fetch(`http://${INSPECTOR}/`)).text();
      const m = /\/socket\/\d+\/\d+\/\w+/.exec(page);
      if (m) return m[0];
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error(`no inspectable page at http://${INSPECTOR}/ after 30 s`);
}

/** A connection to the page: commands go to its target, answers and events come back. */
async function connect() {
  const ws = new WebSocket(`ws://${INSPECTOR}${await socketPath()}`);
  let target = null;
  let next = 1;
  const waiting = new Map();
  const listeners = new Set();
  const handle = (m) => {
    if (m.method === 'Target.targetCreated') target ??= m.params.targetInfo.targetId;
    else if (m.method === 'Target.dispatchMessageFromTarget') handle(JSON.parse(m.params.message));
    else if (m.id < 0) {
      // The wrapper's own answer: only an error (no such target) concerns the command inside.
      if (m.error && waiting.has(-m.id)) {
        waiting.get(-m.id)(m);
        waiting.delete(-m.id);
      }
    } else if (m.id !== undefined && waiting.has(m.id)) {
      waiting.get(m.id)(m);
      waiting.delete(m.id);
    } else for (const l of listeners) l(m);
  };
  ws.on('message', (d) => handle(JSON.parse(d.toString())));
  // The app gone (a crash, or closed): whatever still waits fails rather than hangs.
  ws.on('close', () => {
    for (const answer of waiting.values()) answer({ error: { message: 'the inspector closed the connection' } });
    waiting.clear();
  });
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  for (let i = 0; target === null && i < 100; i++) await sleep(50);
  if (target === null) throw new Error('the inspector named no page target');
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, (m) => (m.error ? reject(new Error(`${method}: ${JSON.stringify(m.error)}`)) : resolve(m.result)));
      // The wrapping command has its own answer: its id is kept apart from the page's.
      const wrapper = { id: -id, method: 'Target.sendMessageToTarget', params: { targetId: target, message: JSON.stringify({ id, method, params }) } };
      ws.send(JSON.stringify(wrapper));
    });
  return { send, listeners, close: () => ws.close() };
}

/** The value of `expression` in the page. */
async function evaluate(page, expression) {
  const r = await page.send('Runtime.evaluate', { expression, returnByValue: true });
  if (r.wasThrown) throw new Error(`${expression}: ${JSON.stringify(r.result)}`);
  return r.result.value;
}

async function until(page, expression, what) {
  for (let i = 0; i < 600; i++) {
    if (await evaluate(page, expression)) return;
    await sleep(100);
  }
  throw new Error(`${what}: not there after 60 s`);
}

/** The inspector's memory sample: the JavaScript heap and the rest of the process, in bytes. */
async function memorySample(page) {
  const sample = new Promise((resolve, reject) => {
    // WebKit samples about once a second while tracking.
    const late = setTimeout(() => {
      page.listeners.delete(l);
      reject(new Error('no memory sample from the inspector after 10 s'));
    }, 10000);
    const l = (m) => {
      if (m.method !== 'Memory.trackingUpdate') return;
      clearTimeout(late);
      page.listeners.delete(l);
      resolve(Object.fromEntries(m.params.event.categories.map((c) => [c.type, c.size])));
    };
    page.listeners.add(l);
  });
  await page.send('Memory.startTracking');
  const categories = await sample;
  await page.send('Memory.stopTracking');
  return categories;
}

/** Live objects by class from a heap snapshot: { class: [count, bytes] }, and the total bytes. */
async function heapByClass(page) {
  const { snapshotData } = await page.send('Heap.snapshot');
  const snapshot = JSON.parse(snapshotData);
  const fields = snapshot.type === 'Inspector' ? 4 : 7; // id, size, class, flags (…)
  const byClass = new Map();
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields) {
    const size = snapshot.nodes[i + 1];
    const name = snapshot.nodeClassNames[snapshot.nodes[i + 2]];
    const c = byClass.get(name) ?? [0, 0];
    c[0] += 1;
    c[1] += size;
    byClass.set(name, c);
    total += size;
  }
  return { byClass, total };
}

/** PSS in bytes of the app's WebKitWebProcess. */
function webProcessPss() {
  for (const p of family(APP_PID)) {
    try {
      if (!readFileSync(`/proc/${p}/comm`, 'utf8').startsWith('WebKitWebProces')) continue;
      return (pssKib(p) ?? NaN) * 1024;
    } catch {
      // gone
    }
  }
  return NaN;
}

async function measure(page, label) {
  await sleep(3000);
  await page.send('Heap.gc');
  await sleep(1000);
  // The process first: a snapshot is itself a string of megabytes in the page.
  const pss = webProcessPss();
  const memory = await memorySample(page);
  const heap = await heapByClass(page);
  return { label, memory, heap, pss };
}

function printStep(step, before) {
  console.log(`\n${step.label}`);
  console.log(`  web process (PSS)                       ${mb(step.pss)} MB`);
  console.log(`  JavaScript heap, its size               ${mb(step.memory.javascript)} MB`);
  console.log(`  JavaScript heap, live objects           ${mb(step.heap.total)} MB`);
  console.log(`  the rest of the process (WebKit's "other") ${mb(step.memory.other)} MB`);
  const rows = [...step.heap.byClass].sort((a, b) => b[1][1] - a[1][1]).slice(0, 12);
  console.log('  largest kinds of object (bytes, count):');
  for (const [name, [count, bytes]] of rows) console.log(`    ${(bytes / 1024).toFixed(0).padStart(7)} KB ${String(count).padStart(7)}  ${name}`);
  if (!before) return;
  const grown = [...step.heap.byClass]
    .map(([name, [count, bytes]]) => {
      const [c0, b0] = before.heap.byClass.get(name) ?? [0, 0];
      return [name, count - c0, bytes - b0];
    })
    .sort((a, b) => b[2] - a[2])
    .slice(0, 12)
    .filter(([, , bytes]) => bytes > 0);
  console.log(`  added since "${before.label}" (bytes, count):`);
  for (const [name, count, bytes] of grown) console.log(`    ${(bytes / 1024).toFixed(0).padStart(7)} KB ${String(count).padStart(7)}  ${name}`);
}

async function main() {
  const page = await connect();
  await page.send('Heap.enable');
  await until(page, `!!document.querySelector('[data-testid="app-ready"]')`, 'the shell');
  const steps = [];
  steps.push(await measure(page, `after start (${await evaluate(page, 'location.hash')})`));
  await evaluate(page, `location.hash = '#/program'`);
  await until(page, `document.querySelectorAll('[data-testid="session-row"]').length > 0`, "the program's list");
  steps.push(await measure(page, "the program's list"));
  await evaluate(page, `document.querySelector('[data-testid="view-grid"]').click()`);
  await until(page, `!!document.querySelector('[data-testid="grid-event"]')`, 'the room grid');
  const drawn = await evaluate(page, `document.querySelectorAll('[data-testid="grid-event"]').length`);
  steps.push(await measure(page, `the room grid (${drawn} sessions drawn)`));
  await page.send('Heap.disable');
  page.close();
  console.log("The page's JavaScript heap (a build with WebKit's inspector, without LTO: not the bench's figures)");
  steps.forEach((s, i) => printStep(s, steps[i - 1]));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`js-heap: ${e.message}`);
    process.exit(1);
  },
);
