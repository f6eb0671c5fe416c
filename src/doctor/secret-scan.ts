/**
 * What a committed secret looks like: well-known key formats, and long random-looking values assigned
 * to a name that says secret/key/token/password. Tuned so that the generated project (placeholders such
 * as `replace-with-…`, `dev-only-…` defaults, passphrase-style test passwords) stays clean.
 */

export interface SecretFinding {
  kind: string;
  path: string;
  line: number;
}

const knownFormats: { kind: string; regex: RegExp; allowed?: RegExp }[] = [
  { kind: 'private key block', regex: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  // AWS documents AKIAIOSFODNN7EXAMPLE for examples; it is not a key.
  { kind: 'AWS access key id', regex: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b/, allowed: /EXAMPLE$/ },
  { kind: 'Stripe live key', regex: /\b[sr]k_live_[0-9a-zA-Z]{10,}/ },
  { kind: 'JWT', regex: /\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/ },
  { kind: 'GitHub token', regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_\w{40,})/ },
  { kind: 'Slack token', regex: /\bxox[abprs]-[0-9A-Za-z-]{10,}/ },
];

const secretName = /secret|passw(?:or)?d|pwd|token|api_?key|private_?key|access_?key|(?:^|_)key$|credential/i;
const assignment = /([A-Za-z_][\w.-]*)["']?\s*(?::|=|:=|=>)\s*(["'`]?)([^\s"'`,;)]+)/g;
/** In code an unquoted value is an expression (`env.S3_SECRET_ACCESS_KEY`), never a literal secret. */
const codeFile = /\.(?:[cm]?[jt]sx?|py|go|rb|java|kt|rs|cs|php)$/;
const placeholder = /change|replace|example|your[-_]|xxx|dummy|placeholder|dev-only|sample|fake|redacted|<|>|\$\{|\{\{/i;

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Random-looking: 20+ characters of a key alphabet (base64/base64url/hex) with no placeholder words;
 * hex needs 32+ characters, anything else all three of lower case, upper case and digits, high entropy
 * and fewer than two lower-case words (`Pa55word-that-must-not-leak` is a passphrase, not a key).
 */
export function looksRandom(value: string): boolean {
  if (value.length < 20 || value.length > 512 || !/^[A-Za-z0-9+/=_\-.~]+$/.test(value) || placeholder.test(value)) return false;
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= 32 && entropy(value) >= 3;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((regex) => regex.test(value)).length;
  const words = value.split(/[-_.]/).filter((part) => /^[a-z]{3,}$/.test(part)).length;
  return classes === 3 && words < 2 && entropy(value) >= 3.5;
}

export function scanText(path: string, text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.length > 4000) return;
    for (const format of knownFormats) {
      const match = format.regex.exec(line);
      if (match && !(format.allowed?.test(match[0]) ?? false)) findings.push({ kind: format.kind, path, line: i + 1 });
    }
    for (const [, name = '', quote = '', value = ''] of line.matchAll(assignment)) {
      if (quote === '' && codeFile.test(path)) continue;
      if (secretName.test(name.replace(/^.*\./, '')) && looksRandom(value)) findings.push({ kind: `random-looking value of ${name}`, path, line: i + 1 });
    }
  });
  return findings;
}

/** Lock files and the manifest hold hashes, not secrets; binaries and media cannot be read as text. */
export function scannable(path: string, text: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'solid-backend.json'].includes(name)) return false;
  if (/\.(png|jpe?g|gif|webp|ico|pdf|zip|gz|tgz|woff2?|ttf|eot|mp[34]|wasm|lockb)$/i.test(name)) return false;
  return !text.includes('\0');
}
