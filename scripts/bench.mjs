// npm run bench [-- --runs N --green-runs M]
// Medians measured in one run on this machine; printed, never asserted (speed is not a test).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, 'green-runs': { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const greenRuns = Number(values['green-runs']);
const bin = fileURLToPath(new URL('../bin/create-solid-backend.js', import.meta.url));
const solidBin = fileURLToPath(new URL('../bin/solid-backend.js', import.meta.url));
const env = { ...process.env, CI: 'true', NO_COLOR: '1' };
delete env.DATABASE_URL;

function time(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: 'pipe', env, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stderr}`);
  return ms;
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(label, n, once) {
  once(); // warm the file system cache; not counted
  const samples = Array.from({ length: n }, once);
  return { label, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), n };
}

function inTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'csb-bench-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
const bare = measure('node -e 0', runs, () => time('node', ['-e', '0']));
const help = measure('create-solid-backend --help', runs, () => time('node', [bin, '--help']));
rows.push(bare, help);
const create = measure('create --preset full --no-install --no-git', Math.max(5, Math.floor(runs / 2)), () =>
  inTempDir((dir) => time('node', [bin, 'app', '--preset', 'full', '--no-install', '--no-git'], { cwd: dir })),
);
rows.push(create);

/** Times `solid-backend <args>` inside a fresh minimal project (its creation is not counted). */
function inMinimalProject(args) {
  return inTempDir((dir) => {
    spawnSync('node', [bin, 'app', '--preset', 'minimal', '--no-install', '--no-git'], { cwd: dir, env });
    return time('node', [solidBin, ...args], { cwd: join(dir, 'app') });
  });
}
const add = measure('add webhooks --no-install (minimal project)', Math.max(5, Math.floor(runs / 2)), () => inMinimalProject(['add', 'webhooks', '--no-install']));
rows.push(add);
const resource = measure('generate resource product (3 fields, --no-migrate --no-test)', Math.max(5, Math.floor(runs / 2)), () =>
  inMinimalProject(['generate', 'resource', 'product', '--fields', 'title:string,price:number,published:boolean?', '--no-migrate', '--no-test']),
);
rows.push(resource);
let green;
if (greenRuns > 0) {
  // The first install warms npm's cache; the measured runs are the "warm cache" figure the goal names.
  inTempDir((dir) => time('node', [bin, 'warm', '--preset', 'standard', '--no-git', '--no-test'], { cwd: dir }));
  green = measure('time to green: standard (create + install + migrate + test)', greenRuns, () =>
    inTempDir((dir) => time('node', [bin, 'app', '--preset', 'standard'], { cwd: dir })),
  );
  rows.push(green);
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
console.log('| measurement | median | min | max | runs |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.label} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.n} |`);
console.log('');
console.log(`--help / bare node: ${(help.median / bare.median).toFixed(2)}x (goal <= 1.5x)`);
console.log(`create full without install: ${fmt(create.median)} (goal <= 0.5 s)`);
console.log(`add webhooks without install: ${fmt(add.median)} (goal <= 1 s)`);
console.log(`generate resource without migrate/test: ${fmt(resource.median)}`);
if (green) console.log(`time to green, standard: ${fmt(green.median)} (goal <= 40 s)`);
