import type { Dependencies } from '../app/dependencies.js';
import { assertValidSchedule } from '../lib/jobs/cron.js';
import type { Consumer, JobHandler, JobSpec } from '../lib/jobs/jobs.js';

/** A job type the app knows: its spec (for producers) and how to build its handler from the dependencies. */
export interface JobDefinition {
  spec: JobSpec<unknown>;
  createHandler(deps: Dependencies): JobHandler<unknown>;
  /** Cron schedule (5 fields, or 6 with seconds; UTC) on which the job is enqueued with `{}` as data. */
  schedule?: string | undefined;
}

export interface JobDefinitionOptions {
  /**
   * Repeat the job on this cron schedule, e.g. '17 * * * *' (hourly at :17), always in UTC. Each run is
   * enqueued once however many workers run; the data is `{}`, so the spec's schema must accept it.
   */
  schedule?: string;
}

/** Binds a typed handler to its spec; the data is validated against the spec before the handler sees it. */
export function defineJob<T>(
  spec: JobSpec<T>,
  createHandler: (deps: Dependencies) => JobHandler<T>,
  options: JobDefinitionOptions = {},
): JobDefinition {
  if (options.schedule !== undefined) {
    // Checked when the module loads, so a typo stops the app and the worker at start, not at 3 a.m.
    assertValidSchedule(options.schedule);
    if (!spec.schema.safeParse({}).success) throw new Error(`job ${spec.name} has a schedule, so its schema must accept {} (the data of a scheduled run)`);
  }
  return {
    spec,
    schedule: options.schedule,
    createHandler(deps) {
      const handle = createHandler(deps);
      return (data, context) => handle(spec.schema.parse(data), context);
    },
  };
}

/** Every registered job type with its handler (and schedule), ready for `JobQueue.work`. */
export function consumersFor(definitions: readonly JobDefinition[], deps: Dependencies): Consumer[] {
  return definitions.map((definition) => ({ spec: definition.spec, handle: definition.createHandler(deps), schedule: definition.schedule }));
}
