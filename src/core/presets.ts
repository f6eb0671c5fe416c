import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { CliError } from './errors.js';
import { partialOptionsSchema, type PartialOptions } from './options.js';

export const defaultPresetsDir = fileURLToPath(new URL('../../presets', import.meta.url));

export function presetNames(presetsDir = defaultPresetsDir): string[] {
  return readdirSync(presetsDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

/** A preset name resolves to `presets/<name>.json`; anything that looks like a path is read as a file. */
export function loadPreset(nameOrPath: string, cwd: string, presetsDir = defaultPresetsDir): PartialOptions {
  const looksLikePath = nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.endsWith('.json');
  const file = looksLikePath ? resolve(cwd, nameOrPath) : join(presetsDir, `${nameOrPath}.json`);
  if (!existsSync(file)) {
    throw new CliError(
      'UNKNOWN_PRESET',
      looksLikePath ? `Preset file ${file} does not exist` : `Unknown preset "${nameOrPath}"`,
      `Use one of: ${presetNames(presetsDir).join(', ')}, or a path to a JSON file.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError('INVALID_PRESET', `Preset ${file} is not valid JSON: ${(error as Error).message}`, 'Fix the JSON syntax.');
  }
  const parsed = partialOptionsSchema.safeParse(data);
  if (!parsed.success) {
    throw new CliError('INVALID_PRESET', `Preset ${file} does not match the options schema`, 'Fix the fields listed below.', describeIssues(parsed.error));
  }
  return parsed.data;
}
