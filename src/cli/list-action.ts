import pc from 'picocolors';
import { optionMeta, optionNames, optionValues } from '../core/options.js';
import { optionRules } from '../core/rules.js';
import { featureRegistry } from '../features/registry.js';
import type { FeatureSelector } from '../features/types.js';
import { findProjectRoot, readManifest } from '../tree/find-project.js';
import type { Writer } from './output.js';

function selectorText(s: FeatureSelector): string {
  if ('always' in s) return 'always';
  if ('anyOf' in s) return s.anyOf.map(selectorText).join(' or ');
  if ('allOf' in s) return s.allOf.map((part) => ('anyOf' in part ? `(${selectorText(part)})` : selectorText(part))).join(' and ');
  if ('includes' in s) return `--features ${s.includes}`;
  if ('excludes' in s) return `--features without ${s.excludes}`;
  return `--${s.option} ${'oneOf' in s ? s.oneOf.join('|') : s.equals}`;
}

/** Options with their values, the features they select and, inside a project, what it has. */
export function runList(cwd: string, json: boolean, write: Writer): number {
  const root = findProjectRoot(cwd);
  const installed = new Set(root ? readManifest(root).features : []);
  const features = featureRegistry.map((f) => ({
    id: f.id,
    summary: f.summary,
    selectedBy: selectorText(f.selectedWhen),
    requires: [...(f.requires ?? [])],
    installed: installed.has(f.id),
  }));
  const options = optionNames.map((name) => ({ name, values: [...optionValues(name)], labels: optionMeta[name].labels }));
  const rules = optionRules.map(({ id, message, fix }) => ({ id, message, fix }));
  if (json) {
    write(JSON.stringify({ project: root ?? null, options, features, rules }, null, 2));
    return 0;
  }
  write(pc.bold('Options'));
  for (const option of options) write(`  ${option.name.padEnd(15)} ${option.values.join(' | ')}`);
  write(pc.bold(`Features${root ? ` (installed in ${root} marked ✔)` : ''}`));
  for (const f of features) {
    const mark = root ? (f.installed ? pc.green('✔ ') : '  ') : '';
    const needs = f.requires.length > 0 ? pc.dim(` needs ${f.requires.join(', ')}`) : '';
    write(`  ${mark}${f.id.padEnd(18)} ${f.summary.padEnd(40)} ${pc.dim(f.selectedBy)}${needs}`);
  }
  write(pc.bold('Rules between options'));
  if (rules.length === 0) write(pc.dim('  none: every combination of the values offered is valid'));
  for (const rule of rules) write(`  [${rule.id}] ${rule.message}`);
  return 0;
}
