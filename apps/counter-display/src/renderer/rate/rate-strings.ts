import type { RatingReason, RatingScore } from '@layso/shared';
import { UI, type UiKey } from '../strings.js';

/** Wording of the rating screen, in the page's language (`?lang=en`); see ../strings.ts. */
function localized<K extends string>(keys: Record<K, UiKey>): Readonly<Record<K, string>> {
  return Object.defineProperties(
    {},
    Object.fromEntries((Object.keys(keys) as K[]).map((k) => [k, { enumerable: true, get: () => UI[keys[k]] }])),
  ) as Readonly<Record<K, string>>;
}

export const RATE_UI = localized({
  question: 'rateQuestion',
  reasonQuestion: 'rateReasonQuestion',
  send: 'rateSend',
  skipReason: 'rateSkipReason',
  thanks: 'rateThanks',
  idle: 'rateIdle',
  needsCounter: 'rateNeedsCounter',
  ticket: 'ticketNumber',
});

export const SCORE_LABELS: Readonly<Record<RatingScore, string>> = localized({
  'very-satisfied': 'scoreVerySatisfied',
  satisfied: 'scoreSatisfied',
  unsatisfied: 'scoreUnsatisfied',
});

export const REASON_LABELS: Readonly<Record<RatingReason, string>> = localized({
  'waited-too-long': 'reasonWaitedTooLong',
  unfriendly: 'reasonUnfriendly',
  'unclear-guidance': 'reasonUnclearGuidance',
  'not-resolved': 'reasonNotResolved',
  other: 'reasonOther',
});
