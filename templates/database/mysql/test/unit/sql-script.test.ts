import { describe, expect, it } from 'vitest';
import { splitStatements, stripComments } from '../../src/db/sql-script.js';

describe('splitStatements', () => {
  it('splits on ; outside quotes and comments, and drops empty and comment-only pieces', () => {
    const script = [
      '-- a comment; not a statement end',
      "CREATE TABLE a (x varchar(10) DEFAULT 'a;b', `we;ird` int); # trailing; comment",
      'INSERT INTO a VALUES (\'it\'\'s; fine\', 1);',
      '/* block; comment */',
      'DROP TABLE b',
      ';;',
    ].join('\n');
    expect(splitStatements(script)).toEqual([
      "-- a comment; not a statement end\nCREATE TABLE a (x varchar(10) DEFAULT 'a;b', `we;ird` int)",
      "# trailing; comment\nINSERT INTO a VALUES ('it''s; fine', 1)",
      '/* block; comment */\nDROP TABLE b',
    ]);
  });

  it('knows backslash escapes in strings and refuses an unterminated one', () => {
    expect(splitStatements("SELECT 'a\\';b'; SELECT 2")).toEqual(["SELECT 'a\\';b'", 'SELECT 2']);
    expect(() => splitStatements("SELECT 'open")).toThrow(/Unterminated/);
  });

  it('shows a statement without its comments, on one line', () => {
    expect(stripComments('-- why\nCREATE TABLE t (\n  x int -- inline stays\n)')).toBe('CREATE TABLE t ( x int -- inline stays )');
  });
});
