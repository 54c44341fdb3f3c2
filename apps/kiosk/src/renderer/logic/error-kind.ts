/**
 * Every failure a citizen can meet, reduced to a few kinds with one clear message
 * each (GLOSSARY wording where it has one). Only "the hub could not be reached" may
 * be retried, and the retry reuses the same requestId.
 */
import { HubApiError } from '@layso/ui';
import type { TextKey } from '../i18n/kiosk-strings.js';

export type KioskErrorKind =
  | 'offline'
  | 'queue-full'
  | 'service-paused'
  | 'closed'
  | 'not-provisioned'
  | 'rate-limited'
  | 'storage-full'
  | 'checkin-unavailable'
  | 'checkin-not-found'
  | 'checkin-conflict'
  | 'checkin-invalid'
  | 'unexpected';

export type RequestKind = 'issue' | 'checkin';

/** The hub's router answers an unknown path with this message (request-handler.ts). */
const MISSING_ENDPOINT = /^no such endpoint/;

export function errorKindOf(error: unknown, request: RequestKind): KioskErrorKind {
  if (!(error instanceof HubApiError)) return 'unexpected';
  switch (error.code) {
    case 'NETWORK':
    case 'BUSY': // nothing was saved: the same retry (same requestId) as an unreachable hub
      return 'offline';
    case 'QUEUE_FULL':
      return 'queue-full';
    case 'CLOSED':
      return 'closed';
    case 'SERVICE_PAUSED':
      return 'service-paused';
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return 'not-provisioned';
    case 'RATE_LIMITED':
      return 'rate-limited';
    case 'STORAGE_FULL': // the hub's disk is full: nothing was saved, and a retry fails until an administrator frees space
      return 'storage-full';
    case 'NOT_FOUND':
      if (request !== 'checkin') return 'unexpected';
      // Until the portal issue adds POST /api/tickets/checkin the hub has no such route.
      return MISSING_ENDPOINT.test(error.message) ? 'checkin-unavailable' : 'checkin-not-found';
    case 'CONFLICT':
      return request === 'checkin' ? 'checkin-conflict' : 'unexpected';
    case 'VALIDATION':
      return request === 'checkin' ? 'checkin-invalid' : 'unexpected';
    default:
      return 'unexpected';
  }
}

const MESSAGE: Record<KioskErrorKind, TextKey> = {
  offline: 'systemPaused',
  'queue-full': 'queueFull',
  'service-paused': 'servicePausedMessage',
  closed: 'closed',
  'not-provisioned': 'notProvisioned',
  'rate-limited': 'rateLimited',
  'storage-full': 'storageFullCitizen',
  'checkin-unavailable': 'checkinUnavailable',
  'checkin-not-found': 'checkinNotFound',
  'checkin-conflict': 'checkinConflict',
  'checkin-invalid': 'checkinInvalid',
  unexpected: 'unexpected',
};

export function messageKeyOf(kind: KioskErrorKind): TextKey {
  return MESSAGE[kind];
}

/** A retry is only safe and useful when the hub may not have seen the request at all. */
export function canRetry(kind: KioskErrorKind): boolean {
  return kind === 'offline';
}
