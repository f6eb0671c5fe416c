import type { Dependencies } from '../app/dependencies.js';
import type { Consumer, JobHandler, JobSpec } from '../lib/jobs/jobs.js';

/** A job type the app knows: its spec (for producers) and how to build its handler from the dependencies. */
export interface JobDefinition {
  spec: JobSpec<unknown>;
  createHandler(deps: Dependencies): JobHandler<unknown>;
}

/** Binds a typed handler to its spec; the data is validated against the spec before the handler sees it. */
export function defineJob<T>(spec: JobSpec<T>, createHandler: (deps: Dependencies) => JobHandler<T>): JobDefinition {
  return {
    spec,
    createHandler(deps) {
      const handle = createHandler(deps);
      return (data, context) => handle(spec.schema.parse(data), context);
    },
  };
}

/** Every registered job type with its handler, ready for `JobQueue.work`. */
export function consumersFor(definitions: readonly JobDefinition[], deps: Dependencies): Consumer[] {
  return definitions.map((definition) => ({ spec: definition.spec, handle: definition.createHandler(deps) }));
}
