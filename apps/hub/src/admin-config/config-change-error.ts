import type { ErrorCode, FieldIssue, Refusal } from '@layso/shared';

/**
 * Why a configuration change was refused. The message is Vietnamese first with the
 * English after a slash (logs, scripts); `reason` says the same as data, which is what
 * the admin console words in its own language.
 */
export class ConfigChangeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason: Refusal,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = 'ConfigChangeError';
  }
}
