import { describe, expect, it } from 'vitest';
import { captureLogs as capture } from '../helpers/log-capture.js';

describe('logger', () => {
  it('writes JSON lines with a textual level and ISO time', () => {
    const { lines, logger } = capture('info');
    logger.info({ event: 'user_created' }, 'hello');
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({ level: 'info', msg: 'hello', event: 'user_created' });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it('redacts credentials, cookies, passwords and tokens', () => {
    const { lines, logger } = capture('info');
    logger.info({
      req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1', 'x-api-key': 'k' } },
      res: { headers: { 'set-cookie': 'sid=2' } },
      body: { password: 'hunter2', token: 't1', refresh_token: 'r1', nested: { password: 'p2' } },
      password: 'top',
    });
    const text = lines.join('\n');
    for (const secret of ['Bearer abc', 'sid=1', 'sid=2', 'hunter2', 't1', 'r1', 'p2', '"k"', 'top']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[REDACTED]');
  });

  it('redacts password hashes and OAuth-style token fields', () => {
    const { lines, logger } = capture('info');
    logger.info({
      passwordHash: '$argon2id$h1',
      access_token: 'a1',
      refresh_token: 'r1',
      user: { passwordHash: '$argon2id$h2', password_hash: '$argon2id$h3' },
      body: { data: { access_token: 'a2', refresh_token: 'r2' } },
    });
    const text = lines.join('\n');
    for (const secret of ['$argon2id$', '"a1"', '"r1"', '"a2"', '"r2"']) expect(text).not.toContain(secret);
  });

  it('respects LOG_LEVEL', () => {
    const { lines, logger } = capture('warn');
    logger.info('quiet');
    logger.warn('loud');
    expect(lines).toHaveLength(1);
  });
});
