import { posix } from 'node:path';
import { Volume } from 'memfs';

/**
 * The generated project before it touches the disk: every template, updater and wiring step writes
 * here, so `--dry-run`, tests and the real run share one code path. Paths are project-relative POSIX.
 */
export class MemoryTree {
  private readonly volume = new Volume();
  private readonly paths = new Set<string>();

  write(path: string, content: string | Buffer): void {
    const absolute = toAbsolute(path);
    this.volume.mkdirSync(posix.dirname(absolute), { recursive: true });
    this.volume.writeFileSync(absolute, content);
    this.paths.add(normalise(path));
  }

  read(path: string): Buffer | undefined {
    if (!this.exists(path)) return undefined;
    return this.volume.readFileSync(toAbsolute(path)) as Buffer;
  }

  readText(path: string): string | undefined {
    return this.read(path)?.toString('utf8');
  }

  exists(path: string): boolean {
    return this.paths.has(normalise(path));
  }

  delete(path: string): void {
    if (!this.exists(path)) return;
    this.volume.unlinkSync(toAbsolute(path));
    this.paths.delete(normalise(path));
  }

  /** Every file, sorted, so listings and manifests are deterministic. */
  files(): string[] {
    return [...this.paths].sort();
  }

  size(path: string): number {
    return this.read(path)?.length ?? 0;
  }
}

function normalise(path: string): string {
  const clean = posix.normalize(path.replaceAll('\\', '/')).replace(/^\.\//, '');
  if (clean.startsWith('../') || posix.isAbsolute(clean)) throw new Error(`Path escapes the project: ${path}`);
  return clean;
}

function toAbsolute(path: string): string {
  return `/${normalise(path)}`;
}
