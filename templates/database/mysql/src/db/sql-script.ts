/**
 * Splits a .sql file into statements, so the migrator can run (and report) them one at a time: MySQL
 * commits DDL statement by statement, and knowing which one failed is what tells you the state you are in.
 * `;` ends a statement except inside quotes ('…', "…", `…`) and comments (-- …, # …, /* … *\/).
 * Not supported: DELIMITER (so no BEGIN … END bodies of triggers or procedures in migrations).
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  while (i < n) {
    const ch = script[i];
    const next = script[i + 1];
    if (ch === "'" || ch === '"' || ch === '`') {
      i = skipQuoted(script, i, ch);
    } else if ((ch === '-' && next === '-' && /\s/.test(script[i + 2] ?? '\n')) || ch === '#') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? n : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      if (end === -1) throw new Error('Unterminated /* comment in SQL script');
      i = end + 2;
    } else if (ch === ';') {
      statements.push(script.slice(start, i));
      i += 1;
      start = i;
    } else {
      i += 1;
    }
  }
  statements.push(script.slice(start));
  return statements.map((s) => s.trim()).filter((s) => stripComments(s).length > 0);
}

function skipQuoted(script: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < script.length) {
    const ch = script[i];
    if (ch === '\\' && quote !== '`') {
      i += 2;
    } else if (ch === quote) {
      // A doubled quote is an escaped quote, not the end.
      if (script[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  throw new Error(`Unterminated ${quote} quote in SQL script`);
}

/** The statement without comments, on one line: what error messages show. */
export function stripComments(statement: string): string {
  return statement
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|\n)\s*(--\s|#).*(?=\n|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
