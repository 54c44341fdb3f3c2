import { AUDIT_ACTIONS, formatDateTime, formatTime, type AuditAction, type AuditEntry } from '@layso/shared';
import { AUDIT_FIELDS, type AuditField } from '../i18n/audit-strings.js';
import type { TextKey } from '../i18n/strings.js';
import type { Translate } from '../i18n/use-text.js';
import { displayDay } from './date-range.js';

const ACTIONS = new Set<string>(AUDIT_ACTIONS);
const FIELDS = new Set<string>(AUDIT_FIELDS);
/** Actions whose entry is best read as one sentence per changed field. */
const CHANGES: ReadonlySet<AuditAction> = new Set(['area.update', 'service.update', 'counter.update', 'settings.update', 'clerk.rename', 'device.rename']);
const COMMANDS: Record<string, TextKey> = { 'reprint-last': 'cmdReprintLast', 'test-print': 'cmdTestPrint', reload: 'cmdReload', 'restart-app': 'cmdRestartApp' };

function fields(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Who did it, as a person reads it: the name the hub resolved, "the system", or the raw actor. */
export function auditActorText(t: Translate, entry: Pick<AuditEntry, 'actor' | 'actorName'>): string {
  if (entry.actorName) return entry.actorName;
  return entry.actor === 'system' ? t('auditSystem') : entry.actor;
}

/** What it was done to, in words: the thing's name, a counter's number, a day as dd/MM/yyyy. */
export function auditTargetText(entry: Pick<AuditEntry, 'target' | 'targetName'>): string {
  if (entry.targetName) return entry.targetName;
  if (!entry.target) return '';
  const colon = entry.target.indexOf(':');
  if (colon < 0) return entry.target;
  const [kind, key] = [entry.target.slice(0, colon), entry.target.slice(colon + 1)];
  if (kind === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(key)) return displayDay(key);
  if (kind === 'counter' || kind === 'service' || kind === 'area' || kind === 'ticket') return key;
  return `#${key}`;
}

/** A value in a sentence: yes/no, "(empty)", a list, or short JSON for nested settings. */
export function auditValueText(t: Translate, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('auditEmpty');
  if (typeof value === 'boolean') return value ? t('auditYes') : t('auditNo');
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.length ? value.join(', ') : t('auditEmpty');
  if (typeof value === 'object') {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  }
  return String(value);
}

/** A field's label; a field the console has no word for keeps its name (it is still true). */
export function auditFieldText(t: Translate, field: string): string {
  return FIELDS.has(field) ? t(`field_${field as AuditField}`) : field;
}

/**
 * An audit entry as sentences: for a change, one per changed field ("Đổi giới hạn số
 * trong ngày của Visa: 999 → 1"); otherwise the action's sentence with its target.
 */
export function auditSentences(t: Translate, entry: AuditEntry, timeZone: string, clerkNames: ReadonlyMap<string, string> = new Map()): string[] {
  const target = auditTargetText(entry);
  const before = fields(entry.before);
  const after = fields(entry.after);
  if (!ACTIONS.has(entry.action)) return [[entry.action, target].filter(Boolean).join(' ')];
  const action = entry.action as AuditAction;
  if (CHANGES.has(action)) {
    const lines: string[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue;
      const values = { field: auditFieldText(t, key), target, from: auditValueText(t, before[key]), to: auditValueText(t, after[key]) };
      lines.push(action === 'settings.update' ? t('auditChangeCenter', values) : t('auditChange', values));
    }
    if (lines.length > 0) return lines;
  }
  const values: Record<string, string | number> = {
    target,
    // Clerk sign-ins record the clerk's code: shown as the clerk's name when known.
    clerk: ((code: string) => clerkNames.get(code) ?? code)(String(after.clerk ?? before.clerk ?? '')),
    counter: String(after.counter ?? ''),
    command: typeof after.command === 'string' ? t(COMMANDS[after.command] ?? 'rule_other') : '',
  };
  const sentence = t(`audit_${action}`, values);
  const lockedUntil = typeof after.lockedUntil === 'string' ? after.lockedUntil : null;
  if ((action === 'admin.sign-in-failed' || action === 'clerk.sign-in-failed') && lockedUntil) {
    return [`${sentence}; ${t('auditLockedUntil', { at: formatTime(lockedUntil, timeZone) })}`];
  }
  return [sentence];
}

/** `dd/MM/yyyy HH:mm` in the center's time. */
export function auditTimeText(entry: Pick<AuditEntry, 'at'>, timeZone: string): string {
  return formatDateTime(entry.at, timeZone);
}
