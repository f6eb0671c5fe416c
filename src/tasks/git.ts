import { spawnSync } from 'node:child_process';

export async function gitAvailable(): Promise<boolean> {
  const { execa } = await import('execa');
  const result = await execa('git', ['--version'], { reject: false });
  return !result.failed;
}

/**
 * Paths git reports as changed or untracked; empty when clean or when `root` is not in a repository.
 * Plain child_process: this runs before every `add`, and loading execa would double its start-up.
 */
export function uncommittedFiles(root: string): string[] {
  const result = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) return [];
  return result.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3));
}
