import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { databaseSchema } from '../../src/core/options.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

interface Service {
  image?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
  volumes?: string[];
}
interface Workflow {
  jobs: Record<string, { services?: Record<string, { image: string }>; steps: { name?: string; run?: string; env?: Record<string, string> }[] }>;
}

const serverOf = { postgres: 'postgres', sqlite: undefined, mysql: 'mariadb' } as const;

/** What each `--database` puts in the files around the code: compose, the CI workflow, the Dockerfile, the README. */
describe.each(databaseSchema.options)('--database %s', (database) => {
  const { tree } = generateTree(presetOptions('full', database === 'postgres' ? {} : { database }));
  const read = (path: string) => tree.readText(path) ?? '';
  const server = serverOf[database];

  it('docker-compose runs the database server the app points at, or shares the SQLite file on a volume', () => {
    const services = (parse(read('docker-compose.yml')) as { services: Record<string, Service> }).services;
    const databaseServices = Object.keys(services).filter((name) => name === 'postgres' || name === 'mariadb');
    expect(databaseServices).toEqual(server ? [server] : []);
    for (const name of ['app', 'migrate', 'worker']) {
      const service = services[name]!;
      if (server) {
        expect(service.environment?.['DATABASE_URL'], name).toMatch(new RegExp(`@${server}:`));
        expect(Object.keys(service.depends_on ?? {}), name).toContain(name === 'migrate' ? server : 'migrate');
      } else {
        expect(service.environment?.['SQLITE_PATH'], name).toBe('/app/.data/app.sqlite');
        expect(service.volumes, name).toContain('app-data:/app/.data');
      }
    }
  });

  it('the CI workflow tests against that server (SQLite needs none) and the README and Dockerfile name it', () => {
    const job = Object.values((parse(read('.github/workflows/ci.yml')) as Workflow).jobs)[0]!;
    const services = Object.keys(job.services ?? {});
    expect(services.filter((name) => name !== 'redis')).toEqual(server ? [server] : []);
    const testSteps = job.steps.filter((step) => step.run === 'npm run test');
    expect(testSteps.length).toBeGreaterThan(0);
    if (database === 'mysql') expect(testSteps[0]?.env?.['DATABASE_URL']).toMatch(/^mysql:\/\//);
    const readme = read('README.md');
    expect(readme).toContain({ postgres: 'PGlite', sqlite: 'SQLITE_PATH', mysql: 'MariaDB' }[database]);
    expect(readme.includes('PGLITE_DIR')).toBe(database === 'postgres');
    expect(read('Dockerfile').includes('SQLITE_PATH')).toBe(database === 'sqlite');
  });
});
