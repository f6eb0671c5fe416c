export async function gitAvailable(): Promise<boolean> {
  const { execa } = await import('execa');
  const result = await execa('git', ['--version'], { reject: false });
  return !result.failed;
}
