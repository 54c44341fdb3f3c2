import type { z } from 'zod';
import type { zaloConfigSchema } from '@layso/shared';
import type { ChannelAdapter } from './ports.js';

export type ZaloConfig = z.infer<typeof zaloConfigSchema>;

export interface ZaloTokens {
  /** The configured refresh token these were derived from: a new center.json starts over. */
  origin: string;
  accessToken: string;
  refreshToken: string;
}

/** Where rotated tokens are kept (SQLite): Zalo's refresh token is single-use. */
export interface ZaloTokenStore {
  get(): ZaloTokens | null;
  set(tokens: ZaloTokens): void;
}

/** ZNS answers HTTP 200 with { error: <code> }; these codes mean the access token is no longer valid. */
const TOKEN_EXPIRED = new Set([-124, -216]);

/** 0912345678 → 84912345678, the form ZNS takes. */
export function toZaloPhone(phone: string): string {
  return phone.startsWith('0') ? `84${phone.slice(1)}` : phone;
}

/**
 * Zalo Notification Service template messages by phone number (seed 003: citizens get
 * status messages through the center's Zalo OA). POST {apiUrl} with the `access_token`
 * header and { phone, template_id, template_data, tracking_id }; when Zalo says the
 * token expired, refresh it once (POST {oauthUrl}, form body, `secret_key` header)
 * and retry. tracking_id is the dedupe key.
 */
export function createZaloZnsAdapter(config: ZaloConfig, tokens: ZaloTokenStore, doFetch: typeof fetch = fetch): ChannelAdapter {
  const current = (): ZaloTokens => {
    const stored = tokens.get();
    return stored && stored.origin === config.refreshToken ? stored : { origin: config.refreshToken, accessToken: config.accessToken, refreshToken: config.refreshToken };
  };

  async function refresh(signal: AbortSignal): Promise<ZaloTokens> {
    const { origin, refreshToken } = current();
    const response = await doFetch(config.oauthUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', secret_key: config.secretKey },
      body: new URLSearchParams({ refresh_token: refreshToken, app_id: config.appId, grant_type: 'refresh_token' }).toString(),
      signal,
    });
    const json = (await response.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string; error?: number };
    if (!response.ok || !json.access_token || !json.refresh_token) throw new Error(`Zalo token refresh failed (${response.status}, error ${json.error ?? '?'})`);
    const next = { origin, accessToken: json.access_token, refreshToken: json.refresh_token };
    tokens.set(next);
    return next;
  }

  async function post(accessToken: string, body: unknown, signal: AbortSignal): Promise<number> {
    const response = await doFetch(config.apiUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', access_token: accessToken },
      body: JSON.stringify(body),
      signal,
    });
    if (!response.ok) throw new Error(`Zalo answered ${response.status}`);
    const json = (await response.json()) as { error?: number; message?: string };
    return json.error ?? -1;
  }

  return {
    channel: 'zalo',
    async send(message, signal) {
      const templateId = config.templates[message.kind];
      if (!templateId) throw new Error(`no Zalo template configured for "${message.kind}"`);
      const body = { phone: toZaloPhone(message.recipient), template_id: templateId, template_data: message.templateData, tracking_id: message.dedupeKey };
      let error = await post(current().accessToken, body, signal);
      if (TOKEN_EXPIRED.has(error)) error = await post((await refresh(signal)).accessToken, body, signal);
      if (error !== 0) throw new Error(`Zalo refused the message (error ${error})`);
    },
  };
}
