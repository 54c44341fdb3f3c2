import type { Catalog, CounterTicket } from '@layso/shared';
import { UI, s } from '../strings.js';
import { formatElapsed } from '../time/elapsed.js';
import { useNow } from '../time/use-now.js';
import { serviceName, TicketBadges } from './ticket-badges.js';

interface ServingPanelProps {
  serving: CounterTicket | null;
  paused: boolean;
  catalog: Catalog;
  clockOffsetMs: number;
}

/** The ticket at the counter now and how long it has been served (ticking mm:ss). */
export function ServingPanel({ serving, paused, catalog, clockOffsetMs }: ServingPanelProps) {
  return (
    <section className={`serving ${paused ? 'is-paused' : ''}`} data-testid="serving">
      <p className="serving-label">{paused ? s('paused') : s('nowServing')}</p>
      {serving ? (
        <>
          <p className="serving-number" data-testid="serving-number">
            {serving.number}
          </p>
          <div className="serving-details">
            <span className="serving-service">{serviceName(catalog, serving.serviceId)}</span>
            <TicketBadges ticket={serving} catalog={catalog} />
          </div>
          {serving.calledAt && <Elapsed from={Date.parse(serving.calledAt)} clockOffsetMs={clockOffsetMs} />}
        </>
      ) : (
        <p className="serving-none" data-testid="serving-none">
          {paused ? UI.counterPaused : UI.nothingServed}
        </p>
      )}
    </section>
  );
}

// Its own component so the once-a-second tick re-renders only this line.
function Elapsed({ from, clockOffsetMs }: { from: number; clockOffsetMs: number }) {
  const now = useNow(1_000);
  return (
    <p className="serving-elapsed">
      <span>{UI.serviceTime}</span>
      <strong data-testid="serving-elapsed">{formatElapsed(from, now + clockOffsetMs)}</strong>
    </p>
  );
}
