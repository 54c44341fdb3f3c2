import { readFileSync } from 'node:fs';
import { centralHubIdSchema } from '@layso/shared';
import type { CentralSettings } from './central-upstream.js';

export type CentralSettingsResult = { ok: true; settings: CentralSettings | null } | { ok: false; problems: string[] };

/**
 * The hub's central settings, from the environment (docs/install.md): LAYSO_CENTRAL_URL,
 * LAYSO_CENTRAL_HUB_ID and LAYSO_CENTRAL_SECRET (or LAYSO_CENTRAL_SECRET_FILE, so the
 * secret need not sit in a unit file). None set: off, the hub does not stream. Some
 * but not all, or a bad value: the hub refuses to start and says which.
 */
export function resolveCentralSettings(env: NodeJS.ProcessEnv): CentralSettingsResult {
  const url = env.LAYSO_CENTRAL_URL?.trim();
  const hubId = env.LAYSO_CENTRAL_HUB_ID?.trim();
  const secretFile = env.LAYSO_CENTRAL_SECRET_FILE?.trim();
  let secret = env.LAYSO_CENTRAL_SECRET?.trim();
  if (!url && !hubId && !secret && !secretFile) return { ok: true, settings: null };
  const problems: string[] = [];
  if (!url) problems.push('LAYSO_CENTRAL_URL is missing (central https://… address)');
  else if (!/^https?:\/\/[^\s/]+/.test(url)) problems.push(`LAYSO_CENTRAL_URL must be an http(s) address, got ${JSON.stringify(url)}`);
  if (!hubId) problems.push('LAYSO_CENTRAL_HUB_ID is missing (the id central registered this hub under)');
  else if (!centralHubIdSchema.safeParse(hubId).success) problems.push(`LAYSO_CENTRAL_HUB_ID must be lowercase letters, digits and dashes, got ${JSON.stringify(hubId)}`);
  if (!secret && secretFile) {
    try {
      secret = readFileSync(secretFile, 'utf8').trim();
    } catch (error) {
      problems.push(`LAYSO_CENTRAL_SECRET_FILE ${secretFile} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  if (!secret && !problems.some((p) => p.startsWith('LAYSO_CENTRAL_SECRET_FILE'))) problems.push('LAYSO_CENTRAL_SECRET (or LAYSO_CENTRAL_SECRET_FILE) is missing: the secret `pnpm central hub-add` printed');
  else if (secret && secret.length < 16) problems.push('LAYSO_CENTRAL_SECRET is too short (at least 16 characters)');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { url: url!.replace(/\/$/, ''), hubId: hubId!, secret: secret! } };
}
