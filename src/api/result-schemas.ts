import { z } from 'zod';
import { authSchema, cacheSchema, databaseSchema, featureSchema, packageManagerSchema, queueSchema, storageSchema } from '../core/options.js';
import type { DoctorReport } from '../doctor/run-doctor.js';
import type { AddFeaturesResult } from './add-features.js';
import type { CreateProjectResult } from './create-project.js';
import type { GenerateResourceResult } from './generate-resource.js';

/**
 * What `--json` prints, as schemas: `schemas/cli-output.schema.json` (shipped in the package, for CI
 * pipelines that validate or generate types) is derived from these, and the tests parse real command
 * output with them. The `satisfies`-style checks below fail the build when a result type and its schema
 * drift apart.
 */

/** The resolved options as printed (stackOptionsSchema's output; its input transforms have no JSON Schema). */
const optionsSchema = z
  .object({
    database: databaseSchema,
    auth: authSchema,
    cache: cacheSchema,
    queue: queueSchema,
    features: z.array(featureSchema).describe('Sorted, without duplicates'),
    storage: storageSchema,
    packageManager: packageManagerSchema,
  })
  .strict();

const stepSchema = z
  .object({
    id: z.enum(['git', 'install', 'migrate', 'test']),
    title: z.string(),
    status: z.enum(['passed', 'failed', 'skipped']),
    durationMs: z.number().int().nonnegative(),
    detail: z.string().optional().describe('Why the step was skipped, or the last lines of its output when it failed'),
  })
  .strict();

const stepsSchema = z.array(stepSchema).describe('The steps after writing, in order: git, install, migrate, test');
const okSchema = z.boolean().describe('True when every step that ran passed (exit code 0)');

export const createResultSchema = z
  .object({
    command: z.literal('create'),
    projectName: z.string(),
    targetDir: z.string(),
    options: optionsSchema,
    features: z.array(z.string()).describe('Feature ids selected by the options, in the order they were applied'),
    dependencies: z.record(z.string(), z.string()),
    devDependencies: z.record(z.string(), z.string()),
    files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative() }).strict()),
    replayedFrom: z
      .object({ path: z.string(), cliVersion: z.string(), sameCliVersion: z.boolean(), resources: z.number().int().nonnegative() })
      .strict()
      .optional()
      .describe('With --from: the manifest replayed, the CLI version that wrote it, and how many resources were generated again'),
    dryRun: z.boolean(),
    steps: stepsSchema,
    ok: okSchema,
  })
  .strict();

export const addResultSchema = z
  .object({
    command: z.literal('add'),
    root: z.string(),
    before: optionsSchema,
    after: optionsSchema,
    addedFeatures: z.array(z.string()),
    removedFeatures: z.array(z.string()),
    changes: z.array(z.object({ path: z.string(), kind: z.string() }).strict()),
    overwritten: z.array(z.string()).describe('Files you had edited that --force overwrote'),
    diff: z.string().optional().describe('Unified diff of every change (dry run only)'),
    dryRun: z.boolean(),
    steps: stepsSchema,
    ok: okSchema,
  })
  .strict();

export const generateResultSchema = z
  .object({
    command: z.literal('generate resource'),
    root: z.string(),
    resource: z.object({ singular: z.string(), plural: z.string() }).strict(),
    migration: z.string(),
    created: z.array(z.string()),
    modified: z.array(z.string()),
    diff: z.string().optional(),
    dryRun: z.boolean(),
    durationMs: z.number().int().nonnegative(),
    steps: stepsSchema,
    ok: okSchema,
  })
  .strict();

export const doctorResultSchema = z
  .object({
    command: z.literal('doctor'),
    root: z.string(),
    results: z.array(
      z
        .object({ id: z.string(), title: z.string(), status: z.enum(['pass', 'warn', 'fail']), detail: z.string(), fix: z.string().optional() })
        .strict(),
    ),
    ok: z.boolean().describe('No check failed (warnings allowed): exit code 0'),
  })
  .strict();

export const errorResultSchema = z
  .object({
    ok: z.literal(false),
    error: z
      .object({
        code: z.string().describe('A stable error code, e.g. RULE_VIOLATION, TARGET_NOT_EMPTY, INVALID_MANIFEST'),
        message: z.string(),
        hint: z.string().optional(),
        details: z.array(z.string()).optional(),
      })
      .strict(),
  })
  .strict()
  .describe('Printed instead of a result when the input is refused (exit code 2) or the run is cancelled (130)');

/** Any object a command prints with `--json`. */
export const cliJsonOutputSchema = z
  .union([createResultSchema, addResultSchema, generateResultSchema, doctorResultSchema, errorResultSchema])
  .describe('One JSON object printed on stdout by create-solid-backend / solid-backend with --json');

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Output<S extends z.ZodType> = Omit<z.output<S>, 'command'>;
// Compile-time: each result type equals its schema's output (without the `command` tag the CLI adds).
export const resultSchemasMatchTypes: [
  Exact<CreateProjectResult, Output<typeof createResultSchema>>,
  Exact<AddFeaturesResult, Output<typeof addResultSchema>>,
  Exact<GenerateResourceResult, Output<typeof generateResultSchema>>,
  Exact<DoctorReport, Output<typeof doctorResultSchema>>,
] = [true, true, true, true];

/** The JSON Schema document of `--json` output (draft 2020-12). */
export function cliJsonOutputJsonSchema(): Record<string, unknown> {
  return {
    title: 'create-solid-backend --json output',
    ...z.toJSONSchema(cliJsonOutputSchema, { target: 'draft-2020-12' }),
  };
}
