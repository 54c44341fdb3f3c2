import type { IncomingMessage } from 'node:http';
import { ErrorCode, type Role } from '@layso/shared';
import type { z } from 'zod';
import type { Device } from '../auth/caller.js';
import { ApiError, type DownloadFile } from './api-error.js';

export interface Reply {
  status?: number;
  body?: unknown;
  /** A download instead of JSON (backups, CSV, XLSX): sent as an attachment. */
  file?: DownloadFile;
}

export interface RouteContext<P, B, Q = Record<string, never>> {
  req: IncomingMessage;
  device: Device | null;
  params: P;
  body: B;
  /** The query string, validated by the route's `query` schema (empty without one). */
  query: Q;
}

/**
 * Who may call a route. `public` needs no token. With `ownCounter`, a counter
 * token may act only on the counter in the `:counter` path parameter.
 */
export type Access = 'public' | { roles: readonly Role[]; ownCounter?: boolean };

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  access: Access;
  params?: z.ZodType;
  body?: z.ZodType;
  /** Schema of the query string (an object of strings); without one, a query string is ignored. */
  query?: z.ZodType;
  /** Requests must carry a valid HMAC signature (portal API). */
  signed?: boolean;
  /** A larger body limit than MAX_BODY_BYTES, for the few routes that take a file (a voice clip). */
  maxBodyBytes?: number;
  handle(ctx: RouteContext<unknown, unknown, unknown>): Reply | Promise<Reply>;
}

/** Declares a route with its param/body types inferred from the schemas. */
export function route<P extends z.ZodType | undefined, B extends z.ZodType | undefined, Q extends z.ZodType | undefined = undefined>(definition: {
  method: Route['method'];
  path: string;
  access: Access;
  params?: P;
  body?: B;
  query?: Q;
  signed?: boolean;
  maxBodyBytes?: number;
  handle(
    ctx: RouteContext<
      P extends z.ZodType ? z.infer<P> : Record<string, never>,
      B extends z.ZodType ? z.infer<B> : undefined,
      Q extends z.ZodType ? z.infer<Q> : Record<string, never>
    >,
  ): Reply | Promise<Reply>;
}): Route {
  return definition as unknown as Route;
}

export interface RouteMatch {
  route: Route;
  rawParams: Record<string, string>;
}

/** Matches `/api/counters/:counter/next`-style paths; a wrong method is a 404 too. */
export class Router {
  private readonly compiled: { route: Route; segments: string[] }[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((r) => ({ route: r, segments: r.path.split('/').filter(Boolean) }));
  }

  match(method: string, pathname: string): RouteMatch | null {
    const parts = pathname.split('/').filter(Boolean);
    for (const { route: candidate, segments } of this.compiled) {
      if (candidate.method !== method || segments.length !== parts.length) continue;
      const rawParams: Record<string, string> = {};
      const ok = segments.every((segment, i) => {
        const part = parts[i]!;
        if (segment.startsWith(':')) {
          try {
            rawParams[segment.slice(1)] = decodeURIComponent(part);
          } catch {
            return false;
          }
          return true;
        }
        return segment === part;
      });
      if (ok) return { route: candidate, rawParams };
    }
    return null;
  }
}

/** Applies a route's access rule to the authenticated device (or none). */
export function authorize(access: Access, device: Device | null, rawParams: Record<string, string>): void {
  if (access === 'public') return;
  if (!device) throw new ApiError(ErrorCode.UNAUTHENTICATED, 'a device token is required (Authorization: Bearer <token>)');
  if (!access.roles.includes(device.role)) {
    throw new ApiError(ErrorCode.FORBIDDEN, `role "${device.role}" may not do this`);
  }
  if (access.ownCounter && device.role === 'counter' && String(device.counter) !== rawParams.counter) {
    throw new ApiError(ErrorCode.FORBIDDEN, `this token belongs to counter ${device.counter}`);
  }
}
