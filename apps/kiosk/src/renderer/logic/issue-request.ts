/**
 * Which requestId a tap on a service sends. A new tap gets a fresh id; a retry of a
 * request whose answer never arrived (hub unreachable) reuses the old id, so if the
 * hub did issue the first time it returns that same ticket instead of a second one.
 */
import type { KioskErrorKind } from './error-kind.js';

export interface IssueIntent {
  serviceId: string;
  priority: string | null;
}

export interface IssueRequest extends IssueIntent {
  requestId: string;
}

function sameIntent(a: IssueIntent, b: IssueIntent): boolean {
  return a.serviceId === b.serviceId && a.priority === b.priority;
}

/** `unresolved` is the last request that failed without a definite answer. */
export function requestFor(intent: IssueIntent, unresolved: IssueRequest | null, newRequestId: () => string): IssueRequest {
  if (unresolved && sameIntent(unresolved, intent)) return unresolved;
  return { ...intent, requestId: newRequestId() };
}

/** What to remember after a failure: the request itself while its outcome is unknown. */
export function unresolvedAfter(request: IssueRequest, failure: KioskErrorKind): IssueRequest | null {
  return failure === 'offline' ? request : null;
}
