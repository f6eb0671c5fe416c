/** The programmatic API: typed options in, typed result out; never prompts, never exits. */
export { createProject, type CreateProjectInput, type CreateProjectResult, type PlannedFile } from './api/create-project.js';
export { CliError, ExitCode, type CliErrorCode } from './core/errors.js';
export { stackOptionsSchema, partialOptionsSchema, type StackOptions, type PartialOptions } from './core/options.js';
export type { StepResult, StepStatus } from './tasks/steps.js';
