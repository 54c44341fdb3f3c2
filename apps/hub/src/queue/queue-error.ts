import type { ErrorCode } from '@layso/shared';
import { DomainError } from './domain-error.js';

/** A refusal of the queue core; transports map `code` to the wire error. */
export class QueueError extends DomainError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'QueueError';
  }
}
