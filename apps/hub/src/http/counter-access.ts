import { z } from 'zod';
import { counterParamSchema } from '@layso/shared';

/** `:counter` in a path, and who may act on it: that counter's own token, or an admin (router.ts `authorize`). */
export const counterParams = z.strictObject({ counter: counterParamSchema });
export const counterAccess = { roles: ['counter', 'admin'] as const, ownCounter: true };
