import { existsSync } from 'node:fs';
import { Document, Spectral, type ISpectralDiagnostic, type RulesetDefinition } from '@stoplight/spectral-core';
import owaspModule from '@stoplight/spectral-owasp-ruleset';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { chromium } from 'playwright-core';

/**
 * The OpenAPI gate on a running generated server: its served document linted by Spectral with the
 * `spectral:oas` and OWASP API Security rulesets, and Swagger UI rendered by Debian's chromium.
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';

// The package's types describe its CommonJS build; imported as ESM, its default export is the ruleset itself.
const owasp = ((owaspModule as { default?: unknown }).default ?? owaspModule) as RulesetDefinition;

/**
 * Errors the document rightly keeps, each with its reason; any other error fails the gate.
 * The health probes are exempt from rate limiting (orchestrators poll them, and the limiter would put a
 * Redis round trip on every probe), so their 2xx responses carry no rate-limit headers to document.
 */
const ACCEPTED_ERRORS: { rule: string; path: RegExp; reason: string }[] = [
  { rule: 'owasp:api4:2023-rate-limit', path: /^paths\.\/health\/(live|ready)\./, reason: 'health probes are not rate limited' },
];

export interface RulesetReport {
  ruleset: string;
  errors: ISpectralDiagnostic[];
  accepted: ISpectralDiagnostic[];
  warnings: ISpectralDiagnostic[];
}

const ERROR = 0;
const WARNING = 1;

export async function lintOpenApi(documentText: string): Promise<RulesetReport[]> {
  const rulesets: [string, RulesetDefinition][] = [
    ['spectral:oas', oas as RulesetDefinition],
    ['owasp', owasp],
  ];
  const reports: RulesetReport[] = [];
  for (const [name, ruleset] of rulesets) {
    const spectral = new Spectral();
    spectral.setRuleset(ruleset);
    // A named JSON document: findings inside a shared component are reported once, at the component.
    const results = await spectral.run(new Document(documentText, Json, 'openapi.json'));
    const isAccepted = (result: ISpectralDiagnostic) =>
      ACCEPTED_ERRORS.some(({ rule, path }) => result.code === rule && path.test(result.path.join('.')));
    const errors = results.filter((result) => result.severity === ERROR);
    reports.push({
      ruleset: name,
      errors: errors.filter((result) => !isAccepted(result)),
      accepted: errors.filter(isAccepted),
      warnings: results.filter((result) => result.severity === WARNING),
    });
  }
  return reports;
}

/** `rule × count` lines, for the test output. */
export function summarize(results: ISpectralDiagnostic[]): string {
  const counts = new Map<string, number>();
  for (const { code } of results) counts.set(String(code), (counts.get(String(code)) ?? 0) + 1);
  return [...counts].map(([code, count]) => `${code} × ${count}`).join(', ') || 'none';
}

export const describeProblems = (results: ISpectralDiagnostic[]) =>
  results.map((result) => `${String(result.code)} at ${result.path.join('.')}: ${result.message}`).join('\n');

export interface SwaggerUiView {
  title: string;
  operations: number;
  /** Console errors, uncaught page errors and failed requests: a CSP refusal shows up as one of these. */
  problems: string[];
}

/** Opens Swagger UI in headless chromium (CI runs as root: no sandbox), waits for `operations` blocks, screenshots it. */
export async function renderSwaggerUi(url: string, operations: number, screenshotPath: string): Promise<SwaggerUiView> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: apt-get install chromium (.ci/run does)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
    await page.goto(url, { waitUntil: 'networkidle' });
    // Every operation of the document is one collapsed block; wait until they are all drawn.
    await page.locator('.opblock').nth(operations - 1).waitFor({ timeout: 30_000 });
    const title = (await page.locator('.information-container .title').first().textContent()) ?? '';
    const view = { title, operations: await page.locator('.opblock').count(), problems };
    await page.screenshot({ path: screenshotPath, fullPage: true });
    return view;
  } finally {
    await browser.close();
  }
}
