import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** Where the database is reached: only services (and the object graph that builds them) may import these. */
const DATA_LAYERS = ['src/repositories/', 'src/db/', 'src/lib/database'];
/** The HTTP layers: they reach data through a service, never around it. */
const HTTP_LAYERS = ['src/routes', 'src/controllers'];

export interface LayerViolation {
  file: string;
  imports: string;
}

function typeScriptFiles(root: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name)).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return typeScriptFiles(root, path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every import from a route or controller into a data layer, type-only and dynamic imports included.
 * The compiler's own pre-processor lists the imports, so strings and comments that look like imports
 * do not count.
 */
export function findLayerViolations(root: string): LayerViolation[] {
  return HTTP_LAYERS.flatMap((layer) => typeScriptFiles(root, layer)).flatMap((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    return importedFiles
      .filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => relative(root, resolve(root, dirname(file), fileName)).split(sep).join('/').replace(/\.js$/, ''))
      .filter((target) => DATA_LAYERS.some((data) => target.startsWith(data)))
      .map((target) => ({ file, imports: target }));
  });
}
