import { useCallback } from 'react';
import { useSession } from '../store/session-store.js';
import { text, type TextKey } from './strings.js';

export type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

/** The wording function for the console's current language. */
export function useText(): Translate {
  const language = useSession((s) => s.language);
  return useCallback((key, values) => text(language, key, values), [language]);
}
