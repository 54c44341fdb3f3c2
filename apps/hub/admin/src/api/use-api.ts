import { useMemo } from 'react';
import { useSession } from '../store/session-store.js';
import { createAdminApi, type AdminApi } from './admin-api.js';

/** The REST client bound to the current session; a 401 ends the session in the console too. */
export function useApi(): AdminApi {
  const token = useSession((s) => s.session?.token ?? null);
  return useMemo(
    () =>
      createAdminApi({
        token,
        onUnauthenticated: () => useSession.getState().expired(),
        onPasswordChangeRequired: () => useSession.getState().mustChangePassword(),
      }),
    [token],
  );
}
