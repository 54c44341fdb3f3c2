import type { CounterFloor } from '@layso/shared';
import type { Translate } from '../i18n/use-text.js';

/** A span of time as a person says it: "dưới 1 phút", "2 phút", "1 giờ 5 phút" (whole minutes, rounded down). */
export function durationText(t: Translate, ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t('durationUnderMinute');
  if (minutes < 60) return t('durationMinutes', { n: minutes });
  return t('durationHours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/**
 * What a counter is doing, in words: serving which number and for how long, paused,
 * or waiting to call. `hubNow` is the hub's time now (the browser's clock may differ).
 */
export function counterStateText(t: Translate, counter: CounterFloor, hubNow: number): string {
  if (counter.state === 'paused') return counter.ticket ? t('counterPausedWith', { ticket: counter.ticket }) : t('counterPaused');
  if (counter.state === 'idle' || !counter.ticket) return t('counterIdle');
  const since = counter.calledAt ? Date.parse(counter.calledAt) : hubNow;
  return t('counterServingFor', { ticket: counter.ticket, duration: durationText(t, hubNow - since) });
}
