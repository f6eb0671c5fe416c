import { envExtensionPoint } from '../../features/extension-points.js';
import { envExampleDocumented, envExampleFile, envSchemaVariables } from '../env-values.js';
import { fail, listSome, pass, warn, type DoctorCheck } from '../types.js';

/** Twelve-factor config: every variable the app reads (each key of `envSchema`) has a line in .env.example. */
export const envDocumentedCheck: DoctorCheck = {
  id: 'env-documented',
  title: 'Environment variables documented',
  run(context) {
    const variables = envSchemaVariables(context.source());
    if (variables === undefined) {
      return warn(`cannot find \`${envExtensionPoint.variableName} = z.object({ … })\` in ${envExtensionPoint.file}`, 'Keep the env schema one exported z.object literal named envSchema, so it can be checked.');
    }
    if (!context.files.exists(envExampleFile)) {
      return fail(`${envExampleFile} is missing`, `Create ${envExampleFile} with a commented line for each of the ${variables.size} variables of ${envExtensionPoint.file}.`);
    }
    const documented = envExampleDocumented(context.files);
    const missing = [...variables.keys()].filter((name) => !documented.has(name));
    if (missing.length > 0) {
      return fail(`${listSome(missing)} ${missing.length === 1 ? 'is' : 'are'} in envSchema (${envExtensionPoint.file}) but not in ${envExampleFile}`, `Add ${missing.map((name) => `${name}=…`).join(', ')} to ${envExampleFile} with a comment saying what each is for.`);
    }
    return pass(`all ${variables.size} variables of envSchema are in ${envExampleFile}`);
  },
};
