import { formatDateTime, type ClockStatus } from '@layso/shared';
import type { Translate } from '../i18n/use-text.js';

/** One sentence per unacknowledged clock move, oldest first, with times as dd/MM/yyyy HH:mm in the center's zone. */
export function clockWarningLines(t: Translate, status: ClockStatus, timeZone: string): string[] {
  return status.warnings.map((w) => {
    const times = { from: formatDateTime(w.from, timeZone), to: formatDateTime(w.to, timeZone) };
    if (w.kind === 'forward') return t('clockForward', times);
    return t(w.atStart ? 'clockBackwardsAtStart' : 'clockBackwards', times);
  });
}

/** The advice under the list, with the hub's own time so the administrator can compare it with a watch. */
export function clockWarningHint(t: Translate, status: ClockStatus, timeZone: string): string {
  return t('clockWarningHint', { now: formatDateTime(status.now, timeZone) });
}
