import type { FeatureManifest } from '../features/types.js';

const keyPattern = /^\s*#?\s*([A-Z][A-Z0-9_]*)=/;

/** Names already documented in an env file, commented-out examples included. */
export function documentedKeys(content: string): Set<string> {
  return new Set(
    content
      .split('\n')
      .map((line) => keyPattern.exec(line)?.[1])
      .filter((key): key is string => key !== undefined),
  );
}

const header = [
  '# Copy to .env for local development (`cp .env.example .env`). Real environment variables win over .env.',
  '# Every variable is optional outside production; the values below are the defaults unless noted.',
].join('\n');

function comment(text: string): string {
  return text
    .split('\n')
    .map((line) => `# ${line}`)
    .join('\n');
}

/**
 * Appends one commented block per feature for every variable the file does not document yet; lines
 * the user wrote are kept as they are. Creating a file is merging into an empty one.
 */
export function mergeEnvExample(existing: string, features: readonly FeatureManifest[]): string {
  const known = documentedKeys(existing);
  const blocks: string[] = [];
  for (const feature of features) {
    const missing = (feature.env ?? []).filter((v) => !known.has(v.name));
    if (missing.length === 0) continue;
    const lines = [`# --- ${feature.summary} ---`];
    for (const variable of missing) lines.push(comment(variable.description), `${variable.name}=${variable.example}`);
    blocks.push(lines.join('\n'));
  }
  if (blocks.length === 0) return existing;
  const head = existing.trimEnd() || header;
  return `${head ? `${head}\n\n` : ''}${blocks.join('\n\n')}\n`;
}
