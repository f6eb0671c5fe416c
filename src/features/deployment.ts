import type { EnvVar } from './types.js';

/**
 * The project's environment split the way deployment files need it: credentials go to a Secret (and to
 * the runbook's rotation table), everything else to a ConfigMap. Derived from every selected feature's
 * `env`, so a feature that adds a variable lands on the right side without touching the k8s templates.
 */

export interface DeployedVariable {
  name: string;
  /** The value a production deployment starts from (the example, except NODE_ENV). */
  value: string;
  /** Production refuses to start without a real value (the example is empty). */
  mustSet: boolean;
  description: string;
  /** What rotating this credential breaks, and how to rotate it without an outage (runbook). */
  rotation: string;
}

export interface DeploymentContext {
  /** DNS-1123 label derived from the project name, short enough for `-migrate` / `-worker` suffixes. */
  name: string;
  config: DeployedVariable[];
  credentials: DeployedVariable[];
  /** Seconds the pod keeps serving after removal from the endpoints, before SIGTERM (endpoint propagation). */
  preStopSeconds: number;
  /** preStop + the app's SHUTDOWN_TIMEOUT_MS + time for the shutdown hooks: Kubernetes kills the pod after this. */
  terminationGracePeriodSeconds: number;
  /** A queue server feeds `node dist/worker.js`: its own Deployment, or (SQLite) a second container of the API pod. */
  workerDeployment: boolean;
  workerSidecar: boolean;
  /** Either of the two. */
  worker: boolean;
  /** METRICS_PORT in the ConfigMap (the metrics feature refuses production without a port or token). */
  metricsPort: string;
}

/** Values the manifests set where `.env.example` leaves a variable empty for development. */
const KUBERNETES_VALUES: Readonly<Record<string, string>> = { METRICS_PORT: '9100' };

/**
 * Consequences of rotating the credentials this generator knows. A variable another feature adds later
 * falls back to its own description, so the runbook never omits a credential.
 */
const ROTATION: Readonly<Record<string, string>> = {
  CURSOR_SECRET: 'Pagination cursors already handed out stop verifying: a client following `nextCursor` gets 400 once and starts again from the first page. Nothing else.',
  JWT_SECRET: 'Every access token stops verifying: callers get 401 until they refresh (refresh tokens are random values stored hashed, not signed with this secret, so they keep working). Do it when a token may have leaked.',
  SESSION_SECRET: "Sessions survive, but every CSRF token handed out stops matching: cookie-authenticated writes get 403 until the client reads a fresh one from GET /api/v1/auth/csrf.",
  WEBHOOK_SECRET_KEY: 'It encrypts the stored webhook signing secrets: after a change they cannot be decrypted and deliveries fail until each subscription is created again. Rotate only with a planned re-creation of the subscriptions.',
  DATABASE_URL: 'Create a second database user (or password) first, switch DATABASE_URL, roll the pods, then drop the old one: a plain password change disconnects every instance until they restart with the new URL.',
  REDIS_URL: "Add the new password to Redis first (ACL or `requirepass` with a transition), switch REDIS_URL, roll the pods; rate-limit counters and cached entries are kept.",
  SMTP_URL: 'Emails queued while the old credentials are refused are retried by the job queue; switch to the new SMTP credentials before revoking the old ones.',
  S3_ACCESS_KEY_ID: 'Rotate together with S3_SECRET_ACCESS_KEY: create the new key pair, deploy it, then deactivate the old pair; uploads in flight during the switch fail and can be retried.',
  S3_SECRET_ACCESS_KEY: 'See S3_ACCESS_KEY_ID: a new key pair, deployed before the old one is deactivated.',
  ADMIN_PASSWORD: 'Read only by `npm run db:seed` to create the first admin; changing it later changes nothing (use the password-reset flow to change a password).',
};

const PRE_STOP_SECONDS = 5;
/** Closing the database, Redis and the queue after the drain. */
const SHUTDOWN_HOOKS_SECONDS = 10;

/** Names that hold a credential whatever feature declares them: tokens, passwords, keys, DSNs, OTLP headers. */
const CREDENTIAL_NAME = /(?:^|_)(?:SECRET|PASSWORD|TOKEN|DSN|HEADERS)$|_SECRET_|(?:^|_)(?:ACCESS_)?KEY(?:_ID)?$/;
/** A connection URL of a server protocol (postgres://, redis://, smtp://, …) may carry user:password; an http(s) one is an address. */
const CONNECTION_URL_SCHEMA = /^optionalUrl\(\/\^(?!https\?\$)/;

export function isCredential(variable: EnvVar): boolean {
  return variable.secret === true || CREDENTIAL_NAME.test(variable.name) || CONNECTION_URL_SCHEMA.test(variable.schema);
}

export function kubernetesName(projectName: string): string {
  const label = projectName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return label === '' ? 'app' : label;
}

export function deploymentContext(projectName: string, env: readonly EnvVar[], featureIds: readonly string[]): DeploymentContext {
  const describe = (variable: EnvVar): DeployedVariable => {
    const value = variable.name === 'NODE_ENV' ? 'production' : (KUBERNETES_VALUES[variable.name] ?? variable.example);
    return {
      name: variable.name,
      value,
      mustSet: value === '' && (variable.requiredInProduction === true || variable.secret === true),
      // One line: it becomes a YAML comment.
      description: variable.description.split('\n')[0] ?? '',
      // A table cell of the runbook: one line, no column separator.
      rotation: (ROTATION[variable.name] ?? `${variable.description.replaceAll('\n', ' ')} Deploy the new value to every instance (and the worker), then revoke the old one.`).replaceAll('|', '\\|'),
    };
  };
  const shutdownMs = Number(env.find((variable) => variable.name === 'SHUTDOWN_TIMEOUT_MS')?.example ?? '30000');
  return {
    name: kubernetesName(projectName),
    config: env.filter((variable) => !isCredential(variable)).map(describe),
    credentials: env.filter(isCredential).map(describe),
    preStopSeconds: PRE_STOP_SECONDS,
    terminationGracePeriodSeconds: PRE_STOP_SECONDS + Math.ceil(shutdownMs / 1000) + SHUTDOWN_HOOKS_SECONDS,
    workerDeployment: workerPlacement(featureIds) === 'deployment',
    workerSidecar: workerPlacement(featureIds) === 'sidecar',
    worker: workerPlacement(featureIds) !== 'none',
    metricsPort: KUBERNETES_VALUES['METRICS_PORT']!,
  };
}

function workerPlacement(featureIds: readonly string[]): 'none' | 'deployment' | 'sidecar' {
  // Without a queue server (queue none) jobs run inside the API process: there is no worker to deploy.
  if (!featureIds.includes('queue-bullmq') && !featureIds.includes('queue-pg-boss')) return 'none';
  // Both processes must open the same SQLite file, which a ReadWriteOnce volume allows within one pod only.
  return featureIds.includes('database-sqlite') ? 'sidecar' : 'deployment';
}
