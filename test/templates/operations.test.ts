import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { PartialOptions } from '../../src/core/options.js';
import { deploymentContext, isCredential, kubernetesName } from '../../src/features/deployment.js';
import type { EnvVar } from '../../src/features/types.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

/** Deployment and operations: k8s manifests, the Dockerfile, the CI audit and image job, runbook, backups, load test. */

const render = (overrides: PartialOptions, preset = 'minimal') => {
  const { tree, plan } = generateTree(presetOptions(preset, overrides));
  const text = (path: string) => tree.readText(path) ?? '';
  return { tree, plan, text, has: (path: string) => tree.readText(path) !== undefined };
};

type Container = {
  name: string;
  command?: string[];
  envFrom: ({ configMapRef: { name: string } } | { secretRef: { name: string } })[];
  startupProbe?: { httpGet: { path: string } };
  livenessProbe?: { httpGet: { path: string } };
  readinessProbe?: { httpGet: { path: string } };
  lifecycle?: { preStop: { exec: { command: string[] } } };
  resources: { requests: Record<string, unknown>; limits: Record<string, unknown> };
  securityContext: { allowPrivilegeEscalation: boolean; readOnlyRootFilesystem: boolean; capabilities: { drop: string[] } };
  volumeMounts: { name: string; mountPath: string }[];
};
type Pod = {
  terminationGracePeriodSeconds: number;
  securityContext: { runAsNonRoot: boolean; runAsUser: number };
  initContainers?: Container[];
  containers: Container[];
  volumes: { name: string; emptyDir?: unknown; persistentVolumeClaim?: unknown }[];
};
type Deployment = { spec: { replicas: number; strategy: { type: string; rollingUpdate?: { maxUnavailable: number } }; template: { spec: Pod } } };

const yaml = <T>(source: string): T => {
  const documents = parseAllDocuments(source);
  expect(documents).toHaveLength(1);
  expect(documents[0]?.errors).toEqual([]);
  return documents[0]?.toJS() as T;
};

function envKeys(envTs: string): string[] {
  const body = /export const envSchema = z\.object\(\{\n([\s\S]*?)\n\}\);/.exec(envTs)?.[1] ?? '';
  return [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1] ?? '');
}

describe('--features k8s (PostgreSQL, a queue worker)', () => {
  const { text, has } = render({ features: ['k8s', 'docker', 'ci', 'email', 'uploads'], cache: 'redis', queue: 'bullmq', storage: 's3', auth: 'jwt' });
  const deployment = yaml<Deployment>(text('k8s/deployment.yaml'));
  const pod = deployment.spec.template.spec;
  const api = pod.containers[0];
  const config = yaml<{ data: Record<string, string> }>(text('k8s/configmap.yaml')).data;
  const secret = yaml<{ stringData: Record<string, string> }>(text('k8s/secret.yaml.example')).stringData;

  it('ships the manifests, the worker, the migration Job, the README and a generated test', () => {
    for (const path of ['deployment.yaml', 'service.yaml', 'configmap.yaml', 'secret.yaml.example', 'migrate-job.yaml', 'worker.yaml', 'kustomization.yaml', 'README.md']) {
      expect(has(`k8s/${path}`), path).toBe(true);
    }
    expect(has('k8s/pvc.yaml')).toBe(false);
    expect(has('test/integration/k8s-manifests.test.ts')).toBe(true);
    expect(JSON.parse(text('package.json')).devDependencies).toHaveProperty('yaml');
  });

  it('rolls 2 replicas without losing capacity, probes the real health routes, drains before SIGKILL', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy.rollingUpdate?.maxUnavailable).toBe(0);
    expect([api?.startupProbe, api?.livenessProbe, api?.readinessProbe].map((probe) => probe?.httpGet.path)).toEqual(['/health/live', '/health/live', '/health/ready']);
    expect(text('src/routes/health.routes.ts')).toContain("'/health/live'");
    expect(text('src/routes/health.routes.ts')).toContain("'/health/ready'");
    const preStop = Number(api?.lifecycle?.preStop.exec.command[1]);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStop + Number(config.SHUTDOWN_TIMEOUT_MS) / 1000);
  });

  it('runs every container non-root, read-only, without privileges, with requests and limits', () => {
    const job = yaml<{ spec: { template: { spec: Pod } } }>(text('k8s/migrate-job.yaml')).spec.template.spec;
    const worker = yaml<Deployment>(text('k8s/worker.yaml')).spec.template.spec;
    for (const spec of [pod, job, worker]) {
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
      for (const container of spec.containers) {
        expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(Object.keys(container.resources.requests).sort()).toEqual(['cpu', 'memory']);
        expect(Object.keys(container.resources.limits).sort()).toEqual(['cpu', 'memory']);
        for (const mount of container.volumeMounts) expect(spec.volumes.map((volume) => volume.name)).toContain(mount.name);
      }
    }
    expect(job.containers[0]?.command).toEqual(['node', 'dist/db/cli.js', 'migrate']);
    expect(worker.containers[0]?.command).toEqual(['node', 'dist/worker.js']);
    // The image's user has that numeric id, or runAsNonRoot could not be verified by the kubelet.
    expect(text('Dockerfile')).toContain('adduser -S -u 10001');
  });

  it('splits exactly the env schema into ConfigMap values and Secret keys (credentials, without values)', () => {
    expect([...Object.keys(config), ...Object.keys(secret)].sort()).toEqual(envKeys(text('src/config/env.ts')).sort());
    expect(Object.keys(secret).sort()).toEqual(['CURSOR_SECRET', 'DATABASE_URL', 'ADMIN_PASSWORD', 'JWT_SECRET', 'REDIS_URL', 'SMTP_URL', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'WEBHOOK_SECRET_KEY'].filter((name) => envKeys(text('src/config/env.ts')).includes(name)).sort());
    expect(Object.values(secret).every((value) => value === '')).toBe(true);
    expect(config).toMatchObject({ NODE_ENV: 'production', S3_ENDPOINT: '', MAIL_FROM: '' });
    expect(text('k8s/configmap.yaml')).toMatch(/# Sender of every email.*REQUIRED in production/);
  });
});

describe('--features k8s on SQLite', () => {
  const { text, has } = render({ database: 'sqlite', features: ['k8s', 'docker'], queue: 'bullmq' });
  const pod = yaml<Deployment>(text('k8s/deployment.yaml'));

  it('runs one replica on a claimed volume, migrates in an init container, the worker beside the API', () => {
    expect(pod.spec.replicas).toBe(1);
    expect(pod.spec.strategy.type).toBe('Recreate');
    expect(has('k8s/pvc.yaml')).toBe(true);
    expect(has('k8s/migrate-job.yaml') || has('k8s/worker.yaml')).toBe(false);
    const spec = pod.spec.template.spec;
    expect(spec.volumes.find((volume) => volume.name === 'data')?.persistentVolumeClaim).toBeDefined();
    expect(spec.initContainers?.map((container) => container.command)).toEqual([['node', 'dist/db/cli.js', 'migrate']]);
    expect(spec.containers.map((container) => container.command)).toEqual([undefined, ['node', 'dist/worker.js']]);
    expect(parse(text('k8s/kustomization.yaml'))).toMatchObject({ resources: ['configmap.yaml', 'pvc.yaml', 'deployment.yaml', 'service.yaml'] });
  });
});

describe('credentials and names derived from the env declarations', () => {
  const variable = (name: string, schema = "z.string().default('')", secret?: boolean): EnvVar => ({ name, schema, example: '', description: name, ...(secret ? { secret } : {}) });

  it('treats secrets, passwords, tokens, keys, DSNs and server connection URLs as credentials', () => {
    for (const name of ['JWT_SECRET', 'ADMIN_PASSWORD', 'METRICS_TOKEN', 'SENTRY_DSN', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'WEBHOOK_SECRET_KEY', 'OTEL_EXPORTER_OTLP_HEADERS']) {
      expect(isCredential(variable(name)), name).toBe(true);
    }
    expect(isCredential(variable('REDIS_URL', 'optionalUrl(/^rediss?$/)'))).toBe(true);
    expect(isCredential(variable('ANYTHING', 'z.string()', true))).toBe(true);
    for (const name of ['CACHE_KEY_PREFIX', 'S3_KEY_PREFIX', 'PASSWORD_RESET_URL', 'PASSWORD_RESET_TTL_MINUTES', 'METRICS_PORT']) {
      expect(isCredential(variable(name)), name).toBe(false);
    }
    expect(isCredential(variable('S3_ENDPOINT', 'optionalUrl(/^https?$/)'))).toBe(false);
  });

  it('gives every credential a rotation note, falling back to its description', () => {
    const context = deploymentContext('x', [variable('NEW_FEATURE_TOKEN'), variable('JWT_SECRET', 'z.string()', true)], []);
    expect(context.credentials.map((entry) => entry.rotation)).toEqual([expect.stringContaining('NEW_FEATURE_TOKEN'), expect.stringContaining('refresh')]);
  });

  it('derives a DNS-1123 name', () => {
    expect(kubernetesName('My_API.v2')).toBe('my-api-v2');
    expect(kubernetesName('@@@')).toBe('app');
  });
});

describe('Dockerfile and CI', () => {
  const { text, has } = render({ features: ['docker', 'ci'] });

  it('the Dockerfile checks /health/live with node (no curl in the alpine image)', () => {
    expect(text('Dockerfile')).toMatch(/FROM node:20-alpine AS runtime/);
    expect(text('Dockerfile')).toMatch(/HEALTHCHECK [^\n]*\n\s+CMD node -e "fetch\('http:\/\/127\.0\.0\.1:' \+ \(process\.env\.PORT \|\| 3000\) \+ '\/health\/live'\)/);
  });

  it('CI audits through scripts/audit.ts (warns when the registry refuses) and builds the image without pushing', () => {
    const ci = parse(text('.github/workflows/ci.yml')) as { jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }> };
    const runs = ci.jobs.test?.steps.map((step) => step.run ?? '') ?? [];
    expect(runs).toContain('npm audit --omit=dev --audit-level=high --json | npx tsx scripts/audit.ts');
    expect(has('scripts/audit.ts') && has('test/unit/audit-script.test.ts')).toBe(true);
    const build = ci.jobs.image?.steps.find((step) => step.uses?.startsWith('docker/build-push-action'));
    expect(build?.with).toMatchObject({ push: false });
  });

  it('has no image job without the docker feature', () => {
    const ci = parse(render({ features: ['ci'] }).text('.github/workflows/ci.yml')) as { jobs: Record<string, unknown> };
    expect(Object.keys(ci.jobs)).toEqual(['test']);
  });
});

describe.each(['postgres', 'sqlite', 'mysql'] as const)('operations on %s', (database) => {
  const { text, has, plan } = render({ database });
  const pkg = JSON.parse(text('package.json')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };

  it('ships the runbook, the load test and backup/restore scripts for this database', () => {
    expect(pkg.scripts).toMatchObject({ loadtest: 'tsx scripts/loadtest.ts', 'db:backup': 'bash scripts/backup.sh', 'db:restore': 'bash scripts/restore.sh' });
    expect(pkg.devDependencies.autocannon).toMatch(/^\d+\.\d+\.\d+$/);
    for (const path of ['docs/RUNBOOK.md', 'scripts/loadtest.ts', 'test/integration/loadtest.test.ts', 'scripts/backup.sh', 'scripts/restore.sh']) expect(has(path), path).toBe(true);
    const backup = text('scripts/backup.sh');
    if (database === 'postgres') expect(backup).toContain('pg_dump --format=custom');
    if (database === 'mysql') expect(backup).toContain('mysqldump');
    if (database === 'sqlite') expect(text('src/db/backup.ts')).toContain('db.backup(');
    expect(has('test/integration/backup-restore.test.ts')).toBe(true);
  });

  it('the runbook covers every section and every credential of the project', () => {
    const runbook = text('docs/RUNBOOK.md');
    for (const section of ['## Start', '## Stop', '## Migrate', '## Roll back', '## Rotate secrets', '## Backup and restore', '## Metrics and logs', '## Common alerts']) expect(runbook).toContain(section);
    const credentials = deploymentContext('x', plan.env, []).credentials.map((entry) => entry.name);
    expect(credentials).toContain('CURSOR_SECRET');
    for (const name of credentials) expect(runbook).toContain(`| \`${name}\` |`);
    expect(runbook).not.toContain('docs/metrics.md');
  });
});

describe('runbook with metrics', () => {
  it('links docs/metrics.md', () => {
    expect(render({ features: ['metrics'] }).text('docs/RUNBOOK.md')).toContain('(metrics.md)');
  });
});
