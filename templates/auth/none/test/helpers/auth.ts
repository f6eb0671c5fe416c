import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AppInstance } from '../../src/types/app.js';

/** Callers for tests (--auth none): nobody authenticates, so every caller may already do everything. */

export interface Client {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export function asAdmin(target: { app: AppInstance }): Client {
  return { inject: (options) => target.app.inject(options) };
}
