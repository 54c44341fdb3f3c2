import type { RecentCall } from '@layso/shared';
import { UI, s } from '../strings.js';
import { callKey } from './board-filter.js';

interface RecentCallsProps {
  calls: readonly RecentCall[];
  /** callKey of the live call that blinks now. */
  blinking: string | null;
  /** callKey of the call the voice is reading out now. */
  speaking: string | null;
}

/** The last calls, newest first and largest; the newest one blinks for a few seconds when it is live. */
export function RecentCalls({ calls, blinking, speaking }: RecentCallsProps) {
  return (
    <section className="recent-calls" data-testid="recent-calls">
      <div className="calls-head" aria-hidden="true">
        <span>{UI.ticketNumber}</span>
        <span>{s('counter')}</span>
      </div>
      {calls.length === 0 ? (
        <p className="calls-empty">{UI.nobodyCalled}</p>
      ) : (
        <ol className="calls-list">
          {calls.map((call, index) => {
            const key = callKey(call);
            const isSpeaking = speaking === key;
            const classes = ['call-row', index === 0 ? 'is-newest' : '', blinking === key ? 'is-blinking' : '', isSpeaking ? 'is-speaking' : '']
              .filter(Boolean)
              .join(' ');
            return (
              <li
                key={key}
                className={classes}
                data-testid="board-call"
                data-number={call.number}
                data-counter={call.counter}
                data-speaking={isSpeaking ? 'true' : 'false'}
              >
                <span className="call-number">{call.number}</span>
                <span className="call-arrow" aria-hidden="true">
                  →
                </span>
                <span className="call-counter">{call.counter}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
