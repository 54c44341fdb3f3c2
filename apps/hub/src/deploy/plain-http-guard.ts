import { ErrorCode } from '@layso/shared';
import { DomainError } from '../queue/domain-error.js';
import type { CanonicalTarget } from '../http/canonical-path.js';

/** Whether a canonical path is the portal API (the router's own prefix, compared on the same string). */
export function isPortalApiPath(pathname: string): boolean {
  return pathname === '/api/portal' || pathname.startsWith('/api/portal/');
}

/**
 * For the LAN's plain-HTTP listener when the hub has a portal HTTPS listener: the
 * portal API is refused there (403 FORBIDDEN), so the portal's token, signatures
 * and citizens' contact data never cross a network in clear by mistake. It sees the
 * same canonical path as the router (hub-listener.ts refused `/api//portal/...`
 * and every other spelling before), so no spelling reaches one and not the other.
 */
export function refusePortalOverPlainHttp(portalPort: () => number): (target: CanonicalTarget) => DomainError | null {
  return ({ pathname }) => {
    if (!isPortalApiPath(pathname)) return null;
    return new DomainError(ErrorCode.FORBIDDEN, `the portal API is served over HTTPS only on this hub (port ${portalPort()}); plain HTTP is refused`);
  };
}
