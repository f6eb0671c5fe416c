import type { EnvVar, Registration } from '../features/types.js';
import type { Plan } from '../plan/plan.js';
import type { WiringDelta } from '../wiring/apply.js';

const registrationKey = (r: Registration): string => `${r.point}:${r.symbol}:${r.from}`;
// A variable whose schema or production rules change counts as removed and added again.
const envKey = (v: EnvVar): string => JSON.stringify([v.name, v.schema, v.secret ?? false, v.requiredInProduction ?? false]);

function difference<T>(from: readonly T[], without: readonly T[], key: (item: T) => string): T[] {
  const keys = new Set(without.map(key));
  return from.filter((item) => !keys.has(key(item)));
}

/** What the extension points gain and lose between the project's current plan and the target one. */
export function wiringDelta(current: Plan, target: Plan): WiringDelta {
  const currentRegistrations = Object.values(current.registrations).flat();
  const targetRegistrations = Object.values(target.registrations).flat();
  return {
    add: { registrations: difference(targetRegistrations, currentRegistrations, registrationKey), env: difference(target.env, current.env, envKey) },
    remove: { registrations: difference(currentRegistrations, targetRegistrations, registrationKey), env: difference(current.env, target.env, envKey) },
    order: { registrations: targetRegistrations, env: target.env },
  };
}
