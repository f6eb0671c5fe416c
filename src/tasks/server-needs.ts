import { connect } from 'node:net';
import { parseEnv } from 'node:util';
import type { FeatureManifest } from '../features/types.js';

/**
 * Why the migrate and test steps cannot run, or undefined when they can: a feature needs a server
 * (MySQL has no embedded stand-in) and neither the environment nor the project's `.env` names one that
 * answers. Checked with a TCP connect, so a fresh project whose `.env` holds the example URL runs its
 * steps once `docker compose up -d mariadb` is listening, and skips them (saying why) until then.
 */
export async function missingServer(
  features: readonly FeatureManifest[],
  environment: NodeJS.ProcessEnv,
  dotenv: string | undefined,
): Promise<string | undefined> {
  const fromFile = dotenv === undefined ? {} : parseEnv(dotenv);
  for (const feature of features) {
    const need = feature.needsServer;
    if (need === undefined) continue;
    const url = environment[need.env] || fromFile[need.env];
    if (!url) return `${need.env} is not set: ${need.start}`;
    const address = hostAndPort(url);
    if (address && !(await answers(address.host, address.port))) {
      return `nothing answers at ${address.host}:${address.port} (${need.env}): ${need.start}`;
    }
  }
  return undefined;
}

function hostAndPort(url: string): { host: string; port: number } | undefined {
  try {
    const parsed = new URL(url);
    const defaults: Record<string, number> = { 'mysql:': 3306, 'mariadb:': 3306, 'postgres:': 5432, 'postgresql:': 5432 };
    const port = parsed.port ? Number(parsed.port) : defaults[parsed.protocol];
    return port === undefined ? undefined : { host: parsed.hostname.replace(/^\[|\]$/g, ''), port };
  } catch {
    return undefined;
  }
}

function answers(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
