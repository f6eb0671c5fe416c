/** Exit codes promised by CLI.md. Only bin/ turns them into process exits. */
export const ExitCode = {
  ok: 0,
  stepFailed: 1,
  usage: 2,
  cancelled: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export type CliErrorCode =
  | 'INVALID_NAME'
  | 'TARGET_NOT_EMPTY'
  | 'INVALID_OPTION'
  | 'UNKNOWN_PRESET'
  | 'INVALID_PRESET'
  | 'RULE_VIOLATION'
  | 'INVALID_RESOURCE'
  | 'TEMPLATE_ERROR'
  | 'WIRING_ERROR'
  | 'STEP_FAILED'
  | 'CANCELLED'
  | 'WRITE_FAILED'
  | 'NOT_A_PROJECT'
  | 'INVALID_MANIFEST'
  | 'EDITED_FILES'
  | 'UNCOMMITTED_CHANGES';

const exitCodeByError: Record<CliErrorCode, ExitCodeValue> = {
  INVALID_NAME: ExitCode.usage,
  TARGET_NOT_EMPTY: ExitCode.usage,
  INVALID_OPTION: ExitCode.usage,
  UNKNOWN_PRESET: ExitCode.usage,
  INVALID_PRESET: ExitCode.usage,
  RULE_VIOLATION: ExitCode.usage,
  INVALID_RESOURCE: ExitCode.usage,
  TEMPLATE_ERROR: ExitCode.stepFailed,
  WIRING_ERROR: ExitCode.stepFailed,
  STEP_FAILED: ExitCode.stepFailed,
  CANCELLED: ExitCode.cancelled,
  WRITE_FAILED: ExitCode.stepFailed,
  NOT_A_PROJECT: ExitCode.usage,
  INVALID_MANIFEST: ExitCode.usage,
  EDITED_FILES: ExitCode.usage,
  UNCOMMITTED_CHANGES: ExitCode.usage,
};

/** An error the user can act on: `message` says what is wrong, `hint` what to do about it. */
export class CliError extends Error {
  readonly exitCode: ExitCodeValue;

  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly hint?: string,
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCodeByError[code];
  }
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}
