import type { CentralErrorCode } from '@layso/shared';

/** A refusal with its wire code; the HTTP layer maps the code to a status (central-server.ts). */
export class CentralRefusal extends Error {
  constructor(
    readonly code: CentralErrorCode,
    message: string,
    readonly highWater?: number,
  ) {
    super(message);
  }
}
