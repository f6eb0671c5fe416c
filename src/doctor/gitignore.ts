/**
 * Enough of .gitignore's rules to answer "would git ignore this path?" without git: comments, `!`
 * negation (last matching rule wins), directory-only patterns (`dir/`), patterns anchored by a slash,
 * `*`, `?`, `[…]` and `**`. Only the root .gitignore is read; nested ones are rare in generated projects.
 */

interface Rule {
  negated: boolean;
  directoryOnly: boolean;
  regex: RegExp;
  /** Without a slash a pattern matches the last segment at any depth. */
  matchesBasename: boolean;
}

export type IgnoreMatcher = (path: string) => boolean;

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i += 1) {
    const ch = glob[i] ?? '';
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('/**', i) && i + 3 === glob.length) {
      out += '/.*';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (ch === '*') {
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) {
        out += '\\[';
      } else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (ch === '\\' && i + 1 < glob.length) {
      out += (glob[i + 1] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i += 1;
    } else {
      out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return out;
}

function parseRule(line: string): Rule | undefined {
  let pattern = line.replace(/(?<!\\)\s+$/, '');
  if (pattern === '' || pattern.startsWith('#')) return undefined;
  const negated = pattern.startsWith('!');
  if (negated) pattern = pattern.slice(1);
  const directoryOnly = pattern.endsWith('/');
  if (directoryOnly) pattern = pattern.slice(0, -1);
  const anchored = pattern.includes('/');
  pattern = pattern.replace(/^\//, '');
  if (pattern === '') return undefined;
  return { negated, directoryOnly, regex: new RegExp(`^${globToRegex(pattern)}$`), matchesBasename: !anchored };
}

export function compileGitignore(content: string | undefined): IgnoreMatcher {
  const rules = (content ?? '').split(/\r?\n/).map(parseRule).filter((rule): rule is Rule => rule !== undefined);

  const matches = (path: string, isDirectory: boolean): boolean => {
    let ignored = false;
    const basename = path.slice(path.lastIndexOf('/') + 1);
    for (const rule of rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.regex.test(rule.matchesBasename ? basename : path)) ignored = !rule.negated;
    }
    return ignored;
  };

  return (path) => {
    const segments = path.split('/');
    // Git never looks inside an ignored folder, so a `!` rule cannot bring back a file under one.
    for (let depth = 1; depth < segments.length; depth += 1) {
      if (matches(segments.slice(0, depth).join('/'), true)) return true;
    }
    return matches(path, false);
  };
}
