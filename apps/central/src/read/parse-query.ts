import { CentralErrorCode } from '@layso/shared';
import type { z } from 'zod';
import { CentralRefusal } from '../http/central-refusal.js';

/**
 * A read API's query string through its schema, or an INVALID_QUERY refusal naming the
 * parameter (a repeated parameter is refused too: which one would count is a guess).
 */
export function parseQuery<T>(schema: z.ZodType<T>, params: URLSearchParams): T {
  const seen = new Map<string, string>();
  for (const [key, value] of params) {
    if (seen.has(key)) throw new CentralRefusal(CentralErrorCode.INVALID_QUERY, `query parameter ${key.slice(0, 32)} given twice`);
    seen.set(key, value);
  }
  const parsed = schema.safeParse(Object.fromEntries(seen));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.').slice(0, 32)}: ` : '';
  throw new CentralRefusal(CentralErrorCode.INVALID_QUERY, `invalid query: ${where}${issue?.message ?? 'malformed'}`);
}
