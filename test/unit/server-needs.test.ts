import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureManifest } from '../../src/features/types.js';
import { missingServer } from '../../src/tasks/server-needs.js';

const needsMysql: FeatureManifest = {
  id: 'database-x',
  summary: 'x',
  selectedWhen: { always: true },
  templates: [],
  env: [{ name: 'DATABASE_URL', schema: 'z.string()', example: 'mysql://app:app@localhost:3306/app', description: '' }],
  needsServer: { env: 'DATABASE_URL', start: 'start one' },
};
const noNeeds: FeatureManifest = { id: 'core', summary: 'core', selectedWhen: { always: true }, templates: [] };

describe('missingServer (migrate and test are skipped, saying why, until the server a feature needs answers)', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is silent when no feature needs a server', async () => {
    expect(await missingServer([noNeeds], {}, undefined)).toBeUndefined();
  });

  it('names the variable and the way to start a server when nothing sets it', async () => {
    expect(await missingServer([noNeeds, needsMysql], {}, 'OTHER=1\n')).toBe('DATABASE_URL is not set: start one');
  });

  it('says nothing answers when the URL points at a closed port', async () => {
    const reason = await missingServer([needsMysql], { DATABASE_URL: 'mysql://u:p@127.0.0.1:1/db' }, undefined);
    expect(reason).toBe('nothing answers at 127.0.0.1:1 (DATABASE_URL): start one');
  });

  it('lets the steps run when the environment or the project .env names a server that answers', async () => {
    const url = `mysql://u:p@127.0.0.1:${port}/db`;
    expect(await missingServer([needsMysql], { DATABASE_URL: url }, undefined)).toBeUndefined();
    expect(await missingServer([needsMysql], {}, `DATABASE_URL=${url}\n`)).toBeUndefined();
    // The environment wins over .env, as it does for the generated app.
    expect(await missingServer([needsMysql], { DATABASE_URL: 'mysql://u:p@127.0.0.1:1/db' }, `DATABASE_URL=${url}\n`)).toMatch(/nothing answers/);
  });
});
