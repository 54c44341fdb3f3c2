import type { ErrorCode, Refusal } from '@layso/shared';
import { DomainError } from '../queue/domain-error.js';

/** A refusal of the devices feature (pairing, the fleet, device reports), mapped to the wire by the HTTP framework. */
export class DeviceError extends DomainError {
  constructor(code: ErrorCode, message: string, reason?: Refusal) {
    super(code, message, undefined, reason);
    this.name = 'DeviceError';
  }
}
