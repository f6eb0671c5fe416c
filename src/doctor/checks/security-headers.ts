import { Node } from 'ts-morph';
import { extensionPoints } from '../../features/extension-points.js';
import { findRegistrations, inactiveReason } from '../plugin-registration.js';
import { properties } from '../ts-source.js';
import { fail, pass, warn, type DoctorCheck } from '../types.js';

const helmet = '@fastify/helmet';

/** Cheatsheet §12: security headers (helmet), with HSTS and a CSP left on. */
export const securityHeadersCheck: DoctorCheck = {
  id: 'security-headers',
  title: 'Security headers (helmet)',
  run(context) {
    const registrations = findRegistrations(context.source(), helmet);
    const active = registrations.find((registration) => registration.active);
    if (active === undefined) {
      const [inactive] = registrations;
      return inactive === undefined
        ? fail(`${helmet} is not registered anywhere in src/`, `Register it in a plugin listed in \`plugins\` of ${extensionPoints.plugins.file}: await app.register(helmet, { … }).`)
        : fail(`${helmet} is never registered: ${inactiveReason(inactive)}`, `Add ${inactive.enclosing ?? 'the plugin'} back to \`plugins\` in ${extensionPoints.plugins.file}.`);
    }
    const options = active.options === undefined ? undefined : properties(active.options);
    for (const name of ['strictTransportSecurity', 'hsts', 'contentSecurityPolicy']) {
      const value = options?.get(name);
      if (value !== undefined && Node.isFalseLiteral(value)) {
        return warn(`${active.where}: helmet is registered with ${name}: false`, `Remove \`${name}: false\` (HSTS and a CSP are on the pre-launch checklist).`);
      }
    }
    return pass(`${helmet} registered (${active.where})`);
  },
};
