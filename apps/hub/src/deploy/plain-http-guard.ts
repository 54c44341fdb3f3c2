import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { ErrorCode } from '@layso/shared';
import { ApiError, sendError } from '../http/api-error.js';

/**
 * For the LAN's plain-HTTP listener when the hub has a portal HTTPS listener: the
 * portal API is refused there (403 FORBIDDEN), so the portal's token, signatures
 * and citizens' contact data never cross a network in clear by mistake.
 */
export function refusePortalOverPlainHttp(handler: RequestListener, portalPort: () => number, log: (message: string, error?: unknown) => void): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://hub').pathname;
    } catch {
      pathname = '/';
    }
    if (pathname !== '/api/portal' && !pathname.startsWith('/api/portal/')) return handler(req, res);
    const message = `the portal API is served over HTTPS only on this hub (port ${portalPort()}); plain HTTP is refused`;
    sendError(res, new ApiError(ErrorCode.FORBIDDEN, message), log);
    req.resume();
  };
}
