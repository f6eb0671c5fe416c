import { spawnSync } from 'node:child_process';

export async function gitAvailable(): Promise<boolean> {
  const { execa } = await import('execa');
  const result = await execa('git', ['--version'], { reject: false });
  return !result.failed;
}

/**
 * Paths (from the repository root) git reports as changed or untracked below `root`; empty when clean or
 * when `root` is not in a repository.
 * Plain child_process: this runs before every `add`, and loading execa would double its start-up.
 */
export function uncommittedFiles(root: string): string[] {
  // Limited to the project's folder: a project inside a larger repository is not blocked by changes elsewhere.
  const result = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', '--', '.'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) return [];
  return result.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3));
}
