import { fail, pass, warn, type CheckOutcome, type DoctorCheck, type DoctorContext } from '../types.js';

export const testTimeoutMs = 15 * 60_000;
const testFile = /(^|\/)[^/]+\.(test|spec)\.[cm]?[jt]sx?$/;
/** What `npm init` writes: a script that only fails. */
const placeholderScript = /no test specified/;

function testScript(context: DoctorContext): string | undefined {
  try {
    const parsed: unknown = JSON.parse(context.files.read('package.json') ?? '{}');
    const scripts = typeof parsed === 'object' && parsed !== null && 'scripts' in parsed ? parsed.scripts : undefined;
    const test = typeof scripts === 'object' && scripts !== null && 'test' in scripts ? scripts.test : undefined;
    return typeof test === 'string' && !placeholderScript.test(test) ? test : undefined;
  } catch {
    return undefined;
  }
}

const testFiles = (context: DoctorContext) => context.files.list().filter((path) => testFile.test(path));

/** Cheatsheet §16: tests exist, and a test script runs them. */
export const testsPresentCheck: DoctorCheck = {
  id: 'tests-present',
  title: 'Tests present',
  run(context) {
    const files = testFiles(context);
    if (testScript(context) === undefined) return fail('package.json has no "test" script', 'Add "test": "vitest run" to the scripts of package.json.');
    if (files.length === 0) return fail('no *.test.ts or *.spec.ts files', 'Write tests under test/ (unit for services, integration through app.inject()).');
    return pass(`${files.length} test files; "test": "${testScript(context)}"`);
  },
};

/** The last summary line vitest or jest prints (`Tests  3 failed | 120 passed (123)`), and the first failure. */
export function summarise(output: string): { summary: string | undefined; firstFailure: string | undefined } {
  const clean = output.replace(/\u001b\[[0-9;]*m/g, '');
  const summary = [...clean.matchAll(/^\s*Tests:?\s+(.*\d.*)$/gm)].at(-1)?.[1]?.trim();
  // vitest's `FAIL  test/x.test.ts > suite > name` names the file; a bare `× name 4ms` is the fallback.
  const failure = /^\s*FAIL\s+(.+)$/m.exec(clean)?.[1] ?? /^\s*(?:×|✗|✕)\s+(.+)$/m.exec(clean)?.[1];
  const firstFailure = failure?.replace(/\s+\d+(\.\d+)?\s*m?s$/, '').replace(/\s{2,}/g, ' ').trim();
  return { summary, firstFailure };
}

async function runTests(context: DoctorContext): Promise<CheckOutcome> {
  const started = performance.now();
  const result = await context.run('npm', ['test'], { cwd: context.root, timeoutMs: testTimeoutMs });
  const seconds = Math.round((performance.now() - started) / 1000);
  if (result.startError !== undefined && !result.timedOut) return warn(`could not run npm test: ${result.startError}`, 'Install npm (it comes with Node.js) and re-run.');
  if (result.timedOut) return fail(`npm test did not finish within ${testTimeoutMs / 60_000} min`, 'Find the test that hangs (npx vitest run --reporter=verbose) and make it finish.');
  const { summary, firstFailure } = summarise(`${result.stdout}\n${result.stderr}`);
  if (result.exitCode === 0) return pass(`npm test passed in ${seconds} s${summary ? `: ${summary}` : ''}`);
  const lastLine = `${result.stdout}\n${result.stderr}`.trim().split('\n').at(-1)?.trim() ?? '';
  return fail(`npm test failed (exit ${result.exitCode ?? '?'}): ${firstFailure ?? summary ?? lastLine}`, 'Run npm test, fix the failing tests, and re-run the doctor.');
}

/** Runs the project's own test script; --no-test leaves it out for speed and says so. */
export const testsPassCheck: DoctorCheck = {
  id: 'tests-pass',
  title: 'Tests passing',
  run(context) {
    if (!context.runTests) return warn('not run (tests skipped)', 'Run the doctor without --no-test, or npm test yourself.');
    if (testScript(context) === undefined || testFiles(context).length === 0) return warn('not run: no tests (see tests-present)', 'Add tests and a "test" script first.');
    if (!context.files.exists('node_modules')) return warn('not run: dependencies are not installed (no node_modules)', 'Run npm install, then re-run the doctor.');
    return runTests(context);
  },
};
