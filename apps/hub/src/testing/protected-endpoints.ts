import type { Role } from '@layso/shared';
import { newRequestId, type TestHub } from './start-test-hub.js';

/** A token-protected REST command, as the auth and bad-input tests exercise it. */
export interface ProtectedEndpoint {
  name: string;
  method: 'GET' | 'POST';
  /** Path on `counter` (the counter the endpoint acts on, where there is one). */
  path: string;
  /** A valid body (a fresh one per call, so requestIds never repeat). */
  body?: () => unknown;
  roles: readonly Role[];
  /** Whether a successful call changes queue state. */
  mutating: boolean;
}

/** The counter every counter endpoint below acts on. */
export const ACTING_COUNTER = 60;

const COUNTER_ROLES = ['counter', 'admin'] as const;

/** Every token-protected endpoint of wire contract v1. */
export const PROTECTED_ENDPOINTS: readonly ProtectedEndpoint[] = [
  {
    name: 'issue ticket',
    method: 'POST',
    path: '/api/tickets',
    body: () => ({ serviceId: 'tu-phap', requestId: newRequestId('auth') }),
    roles: ['kiosk', 'admin'],
    mutating: true,
  },
  { name: 'counter queue', method: 'GET', path: `/api/counters/${ACTING_COUNTER}/queue`, roles: COUNTER_ROLES, mutating: false },
  ...(['next', 'recall', 'done', 'skip', 'pause', 'resume'] as const).map((command) => ({
    name: command,
    method: 'POST' as const,
    path: `/api/counters/${ACTING_COUNTER}/${command}`,
    roles: COUNTER_ROLES,
    mutating: true,
  })),
  {
    name: 'transfer',
    method: 'POST',
    path: `/api/counters/${ACTING_COUNTER}/transfer`,
    body: () => ({ toServiceId: 'visa' }),
    roles: COUNTER_ROLES,
    mutating: true,
  },
  {
    // Only the counter's own console takes back its own last action (not even an admin).
    name: 'undo',
    method: 'POST',
    path: `/api/counters/${ACTING_COUNTER}/undo`,
    body: () => ({ number: '60001', action: 'skip' }),
    roles: ['counter'],
    mutating: true,
  },
  { name: 'device fleet', method: 'GET', path: '/api/admin/devices', roles: ['admin'], mutating: false },
  // Device 1 is the harness's kiosk, never connected here: an admin gets 409 (offline).
  { name: 'device command', method: 'POST', path: '/api/admin/devices/1/commands', body: () => ({ command: 'reload' }), roles: ['admin'], mutating: false },
  // Admin access (docs/admin-access.md); the full matrix incl. PUT/DELETE and sessions is in admin-access.integration.test.ts.
  { name: 'list admin users', method: 'GET', path: '/api/admin/users', roles: ['admin'], mutating: false },
  {
    name: 'create admin user',
    method: 'POST',
    path: '/api/admin/users',
    body: () => ({ username: newRequestId('u'), password: 'long enough password' }),
    roles: ['admin'],
    mutating: false,
  },
  { name: 'list clerks', method: 'GET', path: '/api/admin/clerks', roles: ['admin'], mutating: false },
  { name: 'audit log', method: 'GET', path: '/api/admin/audit', roles: ['admin'], mutating: false },
  { name: 'nightly backups', method: 'GET', path: '/api/admin/backups', roles: ['admin'], mutating: false },
  { name: 'counter clerk', method: 'GET', path: `/api/counters/${ACTING_COUNTER}/clerk`, roles: COUNTER_ROLES, mutating: false },
  // Center configuration (docs/admin-center.md); PUT/DELETE and the day operations are in admin-config.integration.test.ts.
  { name: 'center config', method: 'GET', path: '/api/admin/config', roles: ['admin'], mutating: false },
  { name: 'create area', method: 'POST', path: '/api/admin/areas', body: () => ({ id: 'tang-moi', name: 'Tầng mới' }), roles: ['admin'], mutating: true },
  { name: 'pause service', method: 'POST', path: '/api/admin/services/visa/pause', roles: ['admin'], mutating: true },
  // Reports (docs/reports.md); bad query strings and the exports are in reports.integration.test.ts.
  { name: 'report', method: 'GET', path: '/api/admin/reports?from=2026-11-01&to=2026-11-30&groupBy=counter', roles: ['admin'], mutating: false },
  { name: 'report export', method: 'GET', path: '/api/admin/reports/export?from=2026-11-01&to=2026-11-30&format=csv', roles: ['admin'], mutating: false },
  // Clock warnings (docs/architecture.md, "Clock"); the jumps themselves are in clock-jump.integration.test.ts.
  { name: 'clock status', method: 'GET', path: '/api/admin/clock', roles: ['admin'], mutating: false },
  { name: 'acknowledge clock warnings', method: 'POST', path: '/api/admin/clock/acknowledge', roles: ['admin'], mutating: false },
];

/**
 * Puts the small center in a state where every endpoint above would change
 * something if it were (wrongly) let through: tickets waiting and counter 60
 * serving one. Returns once all of it is committed.
 */
export async function seedBusyQueue(t: TestHub): Promise<void> {
  for (const serviceId of ['tu-phap', 'tu-phap', 'tu-phap', 'visa']) {
    const response = await t.issue(serviceId);
    if (response.status !== 201) throw new Error(`seeding failed: ${response.status} ${response.text}`);
  }
  const called = await t.counterCommand(ACTING_COUNTER, 'next');
  if (called.status !== 200) throw new Error(`seeding failed: ${called.status} ${called.text}`);
}
