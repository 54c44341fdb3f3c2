import type { AdminConfigResponse } from '@layso/shared';
import { useApi } from './use-api.js';
import { useResource } from './use-resource.js';

/**
 * The center configuration and today's state. Every change answers with the whole
 * new configuration, which replaces this one (`apply`). Not parsed with the schema:
 * the hub may mask secrets, and the console only reads what it shows.
 */
export function useConfig() {
  const api = useApi();
  const resource = useResource(() => api.get('/api/admin/config') as Promise<AdminConfigResponse>, [api]);
  return { ...resource, apply: (response: unknown) => resource.set(response as AdminConfigResponse) };
}
