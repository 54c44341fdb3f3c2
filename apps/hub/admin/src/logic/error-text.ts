import { DEFAULT_TIME_ZONE, ErrorCode, formatTime, type FieldIssue, type Refusal } from '@layso/shared';
import { HubApiError } from '@layso/ui';
import type { TextKey } from '../i18n/strings.js';
import type { Translate } from '../i18n/use-text.js';

/**
 * The end of a lockout as HH:mm in the center's time, from the hub's structured
 * `details.lockedUntil` (never parsed from the message). A lock lasts minutes, so the
 * time of day is enough. Null when the hub sent no usable instant.
 */
export function lockedUntilText(error: HubApiError, timeZone: string): string | null {
  return error.lockedUntil && !Number.isNaN(Date.parse(error.lockedUntil)) ? formatTime(error.lockedUntil, timeZone) : null;
}

const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), 'NETWORK']);

/**
 * One sentence for an error banner, in the console's language, built from the hub's
 * error code and its structured reason. The hub's `message` (English after a slash,
 * meant for logs and scripts) is never shown.
 */
export function errorText(t: Translate, error: unknown, timeZone = DEFAULT_TIME_ZONE): string {
  if (!(error instanceof HubApiError)) return t('errorOther');
  if (error.reason) return refusalText(t, error.reason);
  switch (error.code) {
    case 'NETWORK':
      return error.status === 404 ? t('code_UNAVAILABLE') : t('code_NETWORK');
    case 'ACCOUNT_LOCKED': {
      const at = lockedUntilText(error, timeZone);
      return at ? t('accountLocked', { at }) : t('accountLockedNoTime');
    }
    default:
      return KNOWN_CODES.has(error.code) ? t(`code_${error.code}` as TextKey) : t('errorOther');
  }
}

/** A refusal's sentence: its template filled with the things it names (lists and words translated). */
export function refusalText(t: Translate, reason: Refusal): string {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reason)) {
    if (key === 'kind') continue;
    values[key] = Array.isArray(value) ? value.join(', ') : (value as string | number);
  }
  if (reason.kind === 'counter-serving') values.change = t(`change_${reason.change}`);
  if (reason.kind === 'command-not-for-role') {
    values.command = t(COMMAND_LABELS[reason.command] ?? 'rule_other');
    values.role = t(`role_${reason.role}` as TextKey);
  }
  if (reason.kind === 'pairing-role-not-allowed') {
    values.deviceKind = t(`pairKind_${reason.deviceKind}` as TextKey);
    values.role = t(`role_${reason.role}` as TextKey);
  }
  return t(`refusal_${reason.kind}`, values);
}

/** The words under a form field for one of the hub's field issues: from its rule, never its message. */
export function fieldIssueText(t: Translate, issue: FieldIssue): string {
  if (issue.reason) return refusalText(t, issue.reason);
  return t(`rule_${issue.rule ?? 'other'}`, issue.limit === undefined ? {} : { limit: issue.limit });
}

const COMMAND_LABELS: Record<string, TextKey> = {
  'reprint-last': 'cmdReprintLast',
  'test-print': 'cmdTestPrint',
  reload: 'cmdReload',
  'restart-app': 'cmdRestartApp',
};
