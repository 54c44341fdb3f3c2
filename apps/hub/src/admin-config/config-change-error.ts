import type { ErrorCode, FieldIssue, Refusal } from '@layso/shared';
import { DomainError } from '../queue/domain-error.js';

/**
 * Why a configuration change was refused. The message is Vietnamese first with the
 * English after a slash (logs, scripts); `reason` says the same as data, which is what
 * the admin console words in its own language. A domain error: the HTTP framework
 * sends it as it is (code, message, details, reason).
 */
export class ConfigChangeError extends DomainError {
  declare readonly reason: Refusal;
  declare readonly details?: FieldIssue[];

  constructor(code: ErrorCode, message: string, reason: Refusal, details?: FieldIssue[]) {
    super(code, message, details, reason);
    this.name = 'ConfigChangeError';
  }
}
