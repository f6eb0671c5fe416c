import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemoryTree } from '../tree/memory-tree.js';
import { renderTemplate } from './handlebars.js';
import { isTemplate, outputPath } from './template-path.js';

/** `templates/` beside `src/` or `dist/`: the same relative place in the repo and in the package. */
export const defaultTemplatesDir = fileURLToPath(new URL('../../templates', import.meta.url));

export function listTemplateFiles(folderPath: string, prefix = ''): string[] {
  return readdirSync(join(folderPath, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listTemplateFiles(folderPath, relative) : [relative];
  });
}

/**
 * Renders one template folder into the tree. `owners` maps each written path to the folder that wrote
 * it, so two features that claim the same file fail loudly instead of overwriting each other.
 */
export function renderFolder(
  folder: string,
  context: object,
  tree: MemoryTree,
  owners: Map<string, string>,
  templatesDir = defaultTemplatesDir,
): void {
  const root = join(templatesDir, folder);
  for (const file of listTemplateFiles(root).sort()) {
    const target = outputPath(file);
    const owner = owners.get(target);
    if (owner) throw new Error(`Template folders ${owner} and ${folder} both write ${target}`);
    owners.set(target, folder);
    const raw = readFileSync(join(root, file));
    const content = isTemplate(file) ? renderTemplate(posix.join(folder, file), raw.toString('utf8'), context) : raw;
    tree.write(target, content);
  }
}
