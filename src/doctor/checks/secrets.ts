import { gitFiles } from '../git.js';
import { compileGitignore } from '../gitignore.js';
import { scannable, scanText, type SecretFinding } from '../secret-scan.js';
import { fail, listSome, pass, type DoctorCheck } from '../types.js';

/** Local env files hold real values; the documented templates of them are meant to be committed. */
const committableEnvFiles = new Set(['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults']);
const isLocalEnvFile = (path: string) => /^\.env(\..+)?$/.test(path) && !committableEnvFiles.has(path);

const fixFinding = 'Remove it from the file (and from git history), rotate it, and read it from the environment: set it in .env and document a placeholder in .env.example.';

/**
 * Cheatsheet §12: secrets not in code or repo. `.env` must be git-ignored and untracked, and no file
 * git would commit may hold a key. Without git, the files on disk that .gitignore does not exclude are
 * scanned instead, and the detail says so.
 */
export const secretsCheck: DoctorCheck = {
  id: 'secrets',
  title: 'Secrets not committed',
  async run(context) {
    const ignored = compileGitignore(context.files.read('.gitignore'));
    if (!ignored('.env')) {
      return fail('.env is not ignored by .gitignore', 'Add a line `.env` (and `.env.*` with `!.env.example`) to .gitignore.');
    }
    const git = await gitFiles(context);
    if (git !== undefined) {
      const trackedEnv = git.tracked.filter(isLocalEnvFile);
      if (trackedEnv.length > 0) {
        return fail(`${listSome(trackedEnv)} is tracked by git`, `git rm --cached ${trackedEnv.join(' ')}, commit, and rotate every secret it held.`);
      }
    }
    const candidates = git === undefined ? context.files.list().filter((path) => !ignored(path)) : [...git.tracked, ...git.untracked];
    const findings: SecretFinding[] = [];
    let scanned = 0;
    for (const path of candidates) {
      if (isLocalEnvFile(path)) continue;
      const text = context.files.read(path);
      if (text === undefined || !scannable(path, text)) continue;
      scanned += 1;
      findings.push(...scanText(path, text));
    }
    const scope = git === undefined ? `not a git repository: scanned ${scanned} files on disk that .gitignore does not exclude` : `scanned ${scanned} files git tracks or would add`;
    if (findings.length > 0) {
      const named = findings.map((f) => `${f.kind} in ${f.path}:${f.line}`);
      return fail(`${listSome(named, 2)} (${scope})`, fixFinding);
    }
    return pass(`.env ignored${git === undefined ? '' : ' and untracked'}; no key-like strings (${scope})`);
  },
};
