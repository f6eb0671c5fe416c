import pc from 'picocolors';
import { additionsFor } from '../add/additions.js';
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
  const manifest = root ? readManifest(root) : undefined;
  const installed = new Set(manifest?.features ?? []);
  const additions = manifest ? additionsFor(manifest.options).map(({ command, features, refused }) => ({ command: `solid-backend ${command}`, features, ...(refused ? { refused } : {}) })) : [];
  const features = featureRegistry.map((f) => ({
    id: f.id,
    summary: f.summary,
    selectedBy: selectorText(f.selectedWhen),
    requires: [...(f.requires ?? [])],
    installed: installed.has(f.id),
  }));
  const options = optionNames.map((name) => ({ name, values: [...optionValues(name)], labels: optionMeta[name].labels, ...(manifest ? { current: manifest.options[name] } : {}) }));
  const rules = optionRules.map(({ id, message, fix }) => ({ id, message, fix }));
  if (json) {
    write(JSON.stringify({ project: root ?? null, options, features, rules, additions }, null, 2));
    return 0;
  }
  write(pc.bold('Options'));
  for (const option of options) {
    const current = option.current === undefined ? '' : pc.dim(`  (here: ${Array.isArray(option.current) ? option.current.join(',') || 'none' : String(option.current)})`);
    write(`  ${option.name.padEnd(15)} ${option.values.join(' | ')}${current}`);
  }
  write(pc.bold(`Features${root ? ` (installed in ${root} marked ✔)` : ''}`));
  for (const f of features) {
    const mark = root ? (f.installed ? pc.green('✔ ') : '  ') : '';
    const needs = f.requires.length > 0 ? pc.dim(` needs ${f.requires.join(', ')}`) : '';
    write(`  ${mark}${f.id.padEnd(18)} ${f.summary.padEnd(40)} ${pc.dim(f.selectedBy)}${needs}`);
  }
  write(pc.bold('Rules between options'));
  if (rules.length === 0) write(pc.dim('  none: every combination of the values offered is valid'));
  for (const rule of rules) write(`  [${rule.id}] ${rule.message}`);
  if (!root) return 0;
  write(pc.bold('What `add` can do here'));
  for (const addition of additions.filter((a) => !a.refused)) write(`  ${addition.command.padEnd(48)} ${pc.dim(addition.features.join(' ') || 'files only')}`);
  for (const addition of additions.filter((a) => a.refused)) write(pc.dim(`  ${addition.command.padEnd(48)} refused: ${addition.refused}`));
  return 0;
}
