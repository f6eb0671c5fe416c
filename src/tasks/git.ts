export async function gitAvailable(): Promise<boolean> {
  const { execa } = await import('execa');
  const result = await execa('git', ['--version'], { reject: false });
  return !result.failed;
}

/** Paths git reports as changed or untracked; empty when clean or when `root` is not in a repository. */
export async function uncommittedFiles(root: string): Promise<string[]> {
  const { execa } = await import('execa');
  const result = await execa('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, reject: false });
  if (result.failed) return [];
  return result.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3));
}
