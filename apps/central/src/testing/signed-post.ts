import { CENTRAL_HUB_HEADER, CENTRAL_INGEST_PATH, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@layso/shared';
import { signRequest } from '@layso/shared/request-signature';

export interface PostAnswer {
  status: number;
  json: Record<string, unknown> & { error?: { code: string; highWater?: number } };
}

/** Posts a body to central's ingest API signed as `hub` with `secret`, as a hub's sender does. */
export async function signedPost(
  baseUrl: string,
  hub: string,
  secret: string,
  body: unknown,
  options: { timestamp?: number; path?: string; headers?: Record<string, string> } = {},
): Promise<PostAnswer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Date.now());
  const response = await fetch(`${baseUrl}${CENTRAL_INGEST_PATH}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      [CENTRAL_HUB_HEADER]: hub,
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signRequest(secret, timestamp, 'POST', options.path ?? CENTRAL_INGEST_PATH, text),
      ...options.headers,
    },
    body: text,
  });
  return { status: response.status, json: (await response.json()) as PostAnswer['json'] };
}
