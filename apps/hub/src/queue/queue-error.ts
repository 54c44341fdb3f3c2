import { ErrorCode } from '@layso/shared';

/** A refusal the caller can act on; transports map `code` to the wire error. */
export class QueueError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'QueueError';
  }
}
