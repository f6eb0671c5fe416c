/**
 * Lexical helpers for migration SQL: comments blanked out (offsets kept, so line numbers stay right),
 * statements split on `;` and lists split on `,`, never inside quotes, dollar quotes or parentheses.
 */

export interface Piece {
  text: string;
  /** Offset of `text` in the original file. */
  offset: number;
}

/** Replaces `-- …` and `/* … *\/` with spaces, leaving quoted text and newlines alone. */
export function blankComments(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === "'" || ch === '"') {
      const end = closingQuote(sql, i, ch);
      out += sql.slice(i, end);
      i = end;
    } else if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      const end = tag === undefined ? -1 : sql.indexOf(tag, i + tag.length);
      const stop = tag === undefined ? i + 1 : end === -1 ? sql.length : end + tag.length;
      out += sql.slice(i, stop);
      i = stop;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

/** Splits `text` on `separator` at depth 0; each piece is trimmed, with its offset. */
export function splitTopLevel(text: string, separator: ';' | ',', baseOffset = 0): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim() !== '') pieces.push({ text: raw.trim(), offset: baseOffset + start + lead });
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      i = closingQuote(text, i, ch);
      continue;
    }
    if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))?.[0];
      if (tag !== undefined) {
        const end = text.indexOf(tag, i + tag.length);
        i = end === -1 ? text.length : end + tag.length;
        continue;
      }
    }
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    else if (ch === separator && depth === 0) {
      push(i);
      start = i + 1;
    }
    i += 1;
  }
  push(text.length);
  return pieces;
}

/** The text between the parenthesis at `open` and its match, and the index just after the match. */
export function balanced(text: string, open: number): { inner: string; innerOffset: number; end: number } | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      i = closingQuote(text, i, ch) - 1;
    } else if (ch === '(') {
      depth += 1;
    } else if (ch === ')') {
      depth -= 1;
      if (depth === 0) return { inner: text.slice(open + 1, i), innerOffset: open + 1, end: i + 1 };
    }
  }
  return undefined;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text[i] === '\n') line += 1;
  return line;
}
