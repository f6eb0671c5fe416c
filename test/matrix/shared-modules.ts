import { mkdirSync, openSync, readSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { cleanEnv } from '../e2e/harness.js';

/**
 * TypeScript 7, the native compiler, installed beside the 6.0.3 the projects pin under an npm alias so
 * both live in one node_modules: it type-checks the hundreds of distinct programs several times faster.
 * The projects' own `tsc` (6.0.3) still checks the presets and the pairwise set.
 */
export const nativeAlias = 'typescript-native';
export const nativeVersion = '7.0.2';

export interface NativeTsc {
  /** The alias's `bin/tsc`, a Node launcher. */
  bin: string;
  /** The platform binary that launcher runs, from `@typescript/typescript-<platform>-<arch>`. */
  exe: string;
  version: string;
}

export interface SharedModules {
  nodeModules: string;
  /** The `tsc` of typescript@6.0.3, the version every generated project pins. */
  tsc: string;
  eslint: string;
  native: NativeTsc;
  seconds: number;
}

export interface InstallResult {
  exitCode: number | undefined;
  output: string;
}

/** npm installs the union of every combination's dependencies, plus the native compiler, into `dir`. */
export async function installSharedModules(dir: string, union: Record<string, string>): Promise<InstallResult> {
  mkdirSync(dir, { recursive: true });
  const dependencies = { ...union, [nativeAlias]: `npm:typescript@${nativeVersion}` };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'matrix-shared', private: true, type: 'module', dependencies }, null, 2));
  const install = await execa('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env: cleanEnv(), reject: false, all: true });
  return { exitCode: install.exitCode, output: install.all };
}

function startsWithElf(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    return head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  } finally {
    closeSync(fd);
  }
}

interface ExePathModule {
  default: () => string;
}

/**
 * Proves the alias is the native compiler, not a JavaScript `typescript` that npm resolved instead: its
 * launcher reports 7.0.2, and the executable it would start (found by the package's own lookup) is a
 * native binary that reports the same version.
 */
export async function verifyNativeTsc(nodeModules: string): Promise<NativeTsc> {
  const root = join(nodeModules, nativeAlias);
  const bin = join(root, 'bin/tsc');
  const viaLauncher = await execa('node', [bin, '--version'], { reject: false, all: true });
  const { default: getExePath } = (await import(pathToFileURL(join(root, 'lib/getExePath.js')).href)) as ExePathModule;
  const exe = getExePath();
  const direct = await execa(exe, ['--version'], { reject: false, all: true });
  const expected = `Version ${nativeVersion}`;
  if (viaLauncher.all.trim() !== expected || direct.all.trim() !== expected) {
    throw new Error(`${nativeAlias} is not TypeScript ${nativeVersion}: launcher said "${viaLauncher.all}", ${exe} said "${direct.all}"`);
  }
  if (process.platform !== 'win32' && process.platform !== 'darwin' && !startsWithElf(exe)) throw new Error(`${exe} is not a native executable`);
  return { bin, exe, version: nativeVersion };
}

export async function sharedModules(dir: string, seconds: number): Promise<SharedModules> {
  const nodeModules = join(dir, 'node_modules');
  return {
    nodeModules,
    tsc: join(nodeModules, 'typescript/bin/tsc'),
    eslint: join(nodeModules, 'eslint/bin/eslint.js'),
    native: await verifyNativeTsc(nodeModules),
    seconds,
  };
}
