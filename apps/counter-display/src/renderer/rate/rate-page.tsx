import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { RATING_REASONS, RATING_SCORES, type RatingReason, type RatingScore } from '@layso/shared';
import { createApiClient } from '@layso/ui';
import { OfflineIndicator } from '../common/offline-indicator.js';
import { StatusScreen } from '../common/status-screen.js';
import { WaitingForHub } from '../common/waiting-for-hub.js';
import { loadDeviceToken } from '../hub/device-token.js';
import { createHubStore } from '../hub/hub-store.js';
import { useHubConnection } from '../hub/use-hub-connection.js';
import { UI } from '../strings.js';
import { leftCounter } from './finished-ticket.js';
import { RATE_UI, REASON_LABELS, SCORE_LABELS } from './rate-strings.js';
import './rate-page.css';

/** Back to idle when nobody answers: the next citizen must not find the last one's question. */
export const QUESTION_TIMEOUT_MS = 30_000;
const THANKS_MS = 4_000;

type Screen = { kind: 'idle' } | { kind: 'ask' | 'reason'; day: string; number: string } | { kind: 'thanks' };

/** The small screen facing the citizen at counter N: after "Hoàn thành", three large choices. */
export function RatePage({ counter }: { counter: number | null }) {
  const [token] = useState(loadDeviceToken);
  const [store] = useState(createHubStore);
  useHubConnection(store, { token, enabled: counter !== null });
  const hub = useStore(store, (state) => state.hub);
  const status = useStore(store, (state) => state.status);
  const [screen, setScreen] = useState<Screen>({ kind: 'idle' });
  const previous = useRef<string | null | undefined>(undefined);
  const current = hub?.catalog.counters.find((c) => c.number === counter)?.current ?? null;
  const day = hub?.catalog.day ?? null;

  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  useEffect(() => {
    if (day === null) return;
    const left = leftCounter(previous.current, current);
    previous.current = current;
    if (left === null) return;
    // Not cancelled when the counter moves on again ("Hoàn thành" then "Gọi số tiếp"):
    // the ticket that left was still done, and its citizen is still in front of the screen.
    createApiClient({ token: null })
      .ticketStatus(day, left)
      .then((ticket) => {
        if (mounted.current && ticket.status === 'done') setScreen({ kind: 'ask', day, number: left });
      })
      .catch(() => undefined);
  }, [current, day]);

  useEffect(() => {
    if (screen.kind === 'idle') return;
    const timer = setTimeout(() => setScreen({ kind: 'idle' }), screen.kind === 'thanks' ? THANKS_MS : QUESTION_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [screen]);

  if (counter === null) return <StatusScreen tone="error">{RATE_UI.needsCounter}</StatusScreen>;
  if (status === 'unauthorized') return <StatusScreen tone="error">{UI.unauthorized}</StatusScreen>;
  if (!hub) return <WaitingForHub status={status} />;

  const send = (target: { day: string; number: string }, score: RatingScore, reason?: RatingReason) => {
    setScreen({ kind: 'thanks' });
    // A lost answer is not worth bothering the citizen about; a second try would be a 409 anyway.
    void createApiClient({ token })
      .rate({ day: target.day, number: target.number, score, ...(reason ? { reason } : {}) })
      .catch(() => undefined);
  };

  return (
    <main className={`rate rate-${screen.kind}`} data-testid="rate" data-screen={screen.kind}>
      {screen.kind === 'idle' && <p className="rate-idle">{RATE_UI.idle}</p>}
      {screen.kind === 'thanks' && <p className="rate-thanks">{RATE_UI.thanks}</p>}
      {screen.kind === 'ask' && (
        <>
          <p className="rate-ticket">
            {RATE_UI.ticket} {screen.number}
          </p>
          <h1 className="rate-question">{RATE_UI.question}</h1>
          <div className="rate-choices">
            {RATING_SCORES.map((score) => (
              <button
                key={score}
                type="button"
                className={`rate-choice rate-${score}`}
                data-testid={`rate-${score}`}
                onClick={() => (score === 'unsatisfied' ? setScreen({ ...screen, kind: 'reason' }) : send(screen, score))}
              >
                {SCORE_LABELS[score]}
              </button>
            ))}
          </div>
        </>
      )}
      {screen.kind === 'reason' && (
        <>
          <h1 className="rate-question">{RATE_UI.reasonQuestion}</h1>
          <div className="rate-reasons">
            {RATING_REASONS.map((reason) => (
              <button key={reason} type="button" className="rate-reason" data-testid={`reason-${reason}`} onClick={() => send(screen, 'unsatisfied', reason)}>
                {REASON_LABELS[reason]}
              </button>
            ))}
            <button type="button" className="rate-reason rate-skip" data-testid="reason-skip" onClick={() => send(screen, 'unsatisfied')}>
              {RATE_UI.skipReason}
            </button>
          </div>
        </>
      )}
      <OfflineIndicator status={status} />
    </main>
  );
}
