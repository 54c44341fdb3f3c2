/**
 * A shell's default session, locked down and tied to its hub in one call: no permission
 * or device for any page (session-lockdown.ts), the shell's own CSP on the hub's
 * documents, and for an HTTPS hub only the pinned certificates. Both shells call it once
 * at start, and `reapplyPins()` after each settings save: Chromium caches verification
 * results, and setting the proc again drops that cache.
 */
import { lockDownSession, type SessionLike } from '../lockdown/session-lockdown.js';
import { pinnedCertificateVerifier, pinnedHubOf, type VerifyRequestLike } from './certificate-pin.js';
import { addHubCsp, type WebRequestLike } from './hub-csp.js';

export interface HubSessionLike extends SessionLike {
  readonly webRequest: WebRequestLike;
  setCertificateVerifyProc(proc: (request: VerifyRequestLike, callback: (result: number) => void) => void): void;
}

export interface HubSessionOptions {
  /** The configured hub's origin (its URL), null before the first setup. */
  hubOrigin: () => string | null;
  /** The pinned SHA-256 fingerprints set with the hub address (none: Chromium's own check). */
  fingerprints: () => readonly string[];
  log?: (message: string) => void;
}

export interface HubSession {
  reapplyPins(): void;
}

export function guardHubSession(session: HubSessionLike, { hubOrigin, fingerprints, log = () => {} }: HubSessionOptions): HubSession {
  lockDownSession(session, log);
  addHubCsp(session.webRequest, hubOrigin);
  const verifier = pinnedCertificateVerifier(() => pinnedHubOf(hubOrigin(), fingerprints()), log);
  const reapplyPins = () => session.setCertificateVerifyProc(verifier);
  reapplyPins();
  return { reapplyPins };
}
