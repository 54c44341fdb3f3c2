import { adminSignInResponseSchema, type AdminSignInResponse } from '@layso/shared';
import { expect } from 'vitest';
import type { TestHub } from './start-test-hub.js';

export const ALICE_PASSWORD = 'alice-password-1';

/** Creates an admin user straight through the hub's service (as `admin create` does). */
export async function createAdmin(t: TestHub, username = 'alice', password = ALICE_PASSWORD): Promise<void> {
  await t.admin.admins.setPasswordFromCli(username, password, { mustChange: false });
}

/** POST /api/admin/session that must succeed. */
export async function signIn(t: TestHub, username = 'alice', password = ALICE_PASSWORD): Promise<AdminSignInResponse> {
  const response = await t.request('POST', '/api/admin/session', { json: { username, password } });
  expect(response.status, response.text).toBe(200);
  return adminSignInResponseSchema.parse(response.body);
}
