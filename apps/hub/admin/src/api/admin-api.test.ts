import { describe, expect, it } from 'vitest';
import { HubApiError } from '@layso/ui';
import { createAdminApi } from './admin-api.js';

/** A fetch that always answers with this status and JSON body. */
function answering(status: number, body: unknown): typeof fetch {
  return () => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

async function failureOf(status: number, body: unknown): Promise<HubApiError> {
  const api = createAdminApi({ token: null, fetch: answering(status, body) });
  const error: unknown = await api.post('/api/admin/session', { username: 'alice', password: 'x' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HubApiError);
  return error as HubApiError;
}

describe('hub errors turned into HubApiError', () => {
  it('takes the end of a lockout from details.lockedUntil', async () => {
    const error = await failureOf(423, {
      error: { code: 'ACCOUNT_LOCKED', message: 'locked after too many failed attempts until 22/11/2026 12:20', details: { lockedUntil: '2026-11-22T05:20:00.000Z' } },
    });
    expect(error.code).toBe('ACCOUNT_LOCKED');
    expect(error.status).toBe(423);
    expect(error.lockedUntil).toBe('2026-11-22T05:20:00.000Z');
    expect(error.fieldIssues).toEqual([]);
  });

  it('keeps field issues as details, with no lockout time', async () => {
    const error = await failureOf(400, { error: { code: 'VALIDATION', message: 'invalid body', details: [{ path: 'username', message: 'required' }] } });
    expect(error.fieldIssues).toEqual([{ path: 'username', message: 'required' }]);
    expect(error.lockedUntil).toBeNull();
  });

  it('treats a lockout whose details are not an instant as off-contract', async () => {
    const error = await failureOf(423, { error: { code: 'ACCOUNT_LOCKED', message: 'locked', details: { lockedUntil: 'soon' } } });
    expect(error.code).toBe('NETWORK');
    expect(error.lockedUntil).toBeNull();
  });

  it('tells the console a session is gone (only when it had one) and a password change comes first', async () => {
    const seen: string[] = [];
    const hooks = { onUnauthenticated: () => seen.push('signed out'), onPasswordChangeRequired: () => seen.push('change password') };
    const gone = answering(401, { error: { code: 'UNAUTHENTICATED', message: 'session expired' } });
    await createAdminApi({ token: 'session', fetch: gone, ...hooks }).get('/api/admin/today').catch(() => undefined);
    await createAdminApi({ token: null, fetch: gone, ...hooks }).post('/api/admin/session', {}).catch(() => undefined);
    const change = answering(403, { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'change the one-time password first' } });
    await createAdminApi({ token: 'session', fetch: change, ...hooks }).get('/api/admin/today').catch(() => undefined);
    expect(seen).toEqual(['signed out', 'change password']);
  });
});
