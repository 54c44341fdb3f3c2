/** The wording function for the session's current language. */
import { useCallback } from 'react';
import { text, type TextKey } from '../i18n/kiosk-strings.js';
import { useKiosk } from '../store/kiosk-context.js';

export function useText(): (key: TextKey, values?: Record<string, string | number>) => string {
  const language = useKiosk((s) => s.language);
  return useCallback((key, values) => text(language, key, values), [language]);
}
