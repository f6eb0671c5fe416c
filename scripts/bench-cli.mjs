// The CLI's own figures (first issue): --help against bare node, create without install, add, generate,
// and time to green. Medians of several runs in one go; printed, never asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs, median } from './bench-support.mjs';

const bin = fileURLToPath(new URL('../bin/create-solid-backend.js', import.meta.url));
const solidBin = fileURLToPath(new URL('../bin/solid-backend.js', import.meta.url));
const env = { ...process.env, CI: 'true', NO_COLOR: '1' };
delete env.DATABASE_URL;
delete env.REDIS_URL;

// Generous bounds per command: a hung child fails the benchmark instead of holding it forever.
const COMMAND_TIMEOUT_MS = 5 * 60_000;

function time(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: 'pipe', env, timeout: COMMAND_TIMEOUT_MS, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}\n${result.stderr}`);
  return ms;
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

/** Times `solid-backend <args>` inside a fresh minimal project (its creation is not counted). */
function inMinimalProject(args) {
  return inTempDir((dir) => {
    spawnSync('node', [bin, 'app', '--preset', 'minimal', '--no-install', '--no-git'], { cwd: dir, env, timeout: COMMAND_TIMEOUT_MS });
    return time('node', [solidBin, ...args], { cwd: join(dir, 'app') });
  });
}

/** Runs every CLI measurement; `greenRuns` 0 skips time to green (it installs dependencies). */
export function benchCli({ runs, greenRuns }) {
  const few = Math.max(5, Math.floor(runs / 2));
  const bare = measure('node -e 0', runs, () => time('node', ['-e', '0']));
  const help = measure('create-solid-backend --help', runs, () => time('node', [bin, '--help']));
  const create = measure('create --preset full --no-install --no-git', few, () =>
    inTempDir((dir) => time('node', [bin, 'app', '--preset', 'full', '--no-install', '--no-git'], { cwd: dir })),
  );
  const add = measure('add webhooks --no-install (minimal project)', few, () => inMinimalProject(['add', 'webhooks', '--no-install']));
  const resource = measure('generate resource product (3 fields, --no-migrate --no-test)', few, () =>
    inMinimalProject(['generate', 'resource', 'product', '--fields', 'title:string,price:number,published:boolean?', '--no-migrate', '--no-test']),
  );
  const rows = [bare, help, create, add, resource];
  let green;
  if (greenRuns > 0) {
    // The first install warms npm's cache; the measured runs are the "warm cache" figure the goal names.
    inTempDir((dir) => time('node', [bin, 'warm', '--preset', 'standard', '--no-git', '--no-test'], { cwd: dir }));
    green = measure('time to green: standard (create + install + migrate + test)', greenRuns, () =>
      inTempDir((dir) => time('node', [bin, 'app', '--preset', 'standard'], { cwd: dir })),
    );
    rows.push(green);
  }
  const summary = [
    `--help / bare node: ${(help.median / bare.median).toFixed(2)}x (goal <= 1.5x)`,
    `create full without install: ${formatMs(create.median)} (goal <= 0.5 s)`,
    `add webhooks without install: ${formatMs(add.median)} (goal <= 1 s)`,
    `generate resource without migrate/test: ${formatMs(resource.median)}`,
    ...(green ? [`time to green, standard: ${formatMs(green.median)} (goal <= 40 s)`] : []),
  ];
  return { rows, summary };
}

export function printCli({ rows, summary }) {
  console.log('| measurement | median | min | max | runs |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.label} | ${formatMs(r.median)} | ${formatMs(r.min)} | ${formatMs(r.max)} | ${r.n} |`);
  console.log('');
  for (const line of summary) console.log(line);
}
