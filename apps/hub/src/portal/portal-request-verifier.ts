import type { IncomingMessage } from 'node:http';
import { ErrorCode, SIGNATURE_HEADER, SIGNATURE_MAX_AGE_MS, TIMESTAMP_HEADER, type PortalConfig } from '@layso/shared';
import { DomainError } from '../queue/domain-error.js';
import type { Clock } from '../queue/ports.js';
import type { SignatureLedger } from './ports.js';
import { checkSignature } from './request-signature.js';

const MESSAGES = {
  missing: `signed request required (${TIMESTAMP_HEADER}, ${SIGNATURE_HEADER})`,
  stale: 'request timestamp is more than 5 minutes away from the hub clock',
  mismatch: 'request signature does not match',
} as const;

/**
 * Verifies the portal's HMAC signature and refuses replays: an accepted signature is
 * remembered (durably) for twice the freshness window.
 */
export function createPortalRequestVerifier(portal: () => PortalConfig, ledger: SignatureLedger, clock: Clock) {
  return (req: IncomingMessage, body: string): void => {
    const { mode, secret } = portal();
    if (mode === 'off' || !secret) throw new DomainError(ErrorCode.FORBIDDEN, 'the portal link is not enabled on this hub');
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const now = clock.now();
    const signature = header(SIGNATURE_HEADER);
    const problem = checkSignature({
      secret,
      timestamp: header(TIMESTAMP_HEADER),
      signature,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      body,
      now,
    });
    if (problem) throw new DomainError(ErrorCode.UNAUTHENTICATED, MESSAGES[problem]);
    ledger.forgetBefore(now - 2 * SIGNATURE_MAX_AGE_MS);
    if (!ledger.remember(signature!, now)) throw new DomainError(ErrorCode.CONFLICT, 'replayed request: this signature was already used');
  };
}
