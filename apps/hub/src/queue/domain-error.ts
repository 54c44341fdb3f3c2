import type { ErrorCode, ErrorDetails, Refusal } from '@layso/shared';

/**
 * A refusal the caller can act on, raised by the core or by any feature. It carries the
 * wire code, an English message for logs, optional field details and a structured
 * `reason` the admin console words in its own language. The HTTP framework maps it to
 * the wire in one place (http/api-error.ts `sendError`); no feature imports the transport.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    readonly reason?: Refusal,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
