import type { ErrorCode, ErrorDetails, Refusal } from '@layso/shared';
import { DomainError } from '../queue/domain-error.js';

/** A refusal of admin sign-in, admin users or clerks, mapped to the wire by the HTTP framework. */
export class AuthError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: ErrorDetails, reason?: Refusal) {
    super(code, message, details, reason);
    this.name = 'AuthError';
  }
}
