import { basename, resolve } from 'node:path';
import validateName from 'validate-npm-package-name';
import { CliError } from './errors.js';

export interface ProjectTarget {
  /** Absolute directory the project is written to. */
  targetDir: string;
  /** The package name: the directory's own name. */
  projectName: string;
}

/** `directory` is a path or `.`; its last segment must be a valid name for a new npm package. */
export function resolveTarget(directory: string, cwd: string): ProjectTarget {
  if (directory.trim() === '') {
    throw new CliError('INVALID_NAME', 'No project directory given', 'Pass a directory, e.g. `create-solid-backend my-api`.');
  }
  const targetDir = resolve(cwd, directory);
  const projectName = basename(targetDir);
  const verdict = validateName(projectName);
  if (!verdict.validForNewPackages) {
    const reasons = [...(verdict.errors ?? []), ...(verdict.warnings ?? [])];
    throw new CliError(
      'INVALID_NAME',
      `"${projectName}" is not a valid npm package name`,
      'Use lower-case letters, digits, "-" and "." (e.g. my-api).',
      reasons,
    );
  }
  return { targetDir, projectName };
}
