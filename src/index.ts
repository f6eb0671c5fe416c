/** The programmatic API: typed options in, typed result out; never prompts, never exits. */
export { createProject, type CreateProjectInput, type CreateProjectResult, type PlannedFile } from './api/create-project.js';
export { addFeatures, type AddFeaturesInput, type AddFeaturesResult } from './api/add-features.js';
export { generateResource, type GenerateResourceInput, type GenerateResourceResult } from './api/generate-resource.js';
export { runDoctor, type DoctorOptions, type DoctorReport, type CheckResult, type CheckStatus } from './doctor/run-doctor.js';
export { CliError, ExitCode, type CliErrorCode } from './core/errors.js';
export { stackOptionsSchema, partialOptionsSchema, type StackOptions, type PartialOptions } from './core/options.js';
export { projectManifestSchema, type ProjectManifest } from './tree/manifest.js';
export type { StepResult, StepStatus } from './tasks/steps.js';
