import type { ErrorCode } from '@layso/shared';

/**
 * Why a configuration change was refused. Messages are Vietnamese first with the
 * English after a slash, because the admin console shows them as they are.
 */
export class ConfigChangeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ConfigChangeError';
  }
}
