import type { CatalogCounter } from '@layso/shared';
import { counterLabel, s } from '../strings.js';
import { gridShape } from './grid-shape.js';
import type { BoardLayout } from '../route.js';

interface CounterGridProps {
  counters: readonly CatalogCounter[];
  serviceNames: ReadonlyMap<string, string>;
  blinkingCounter: number | null;
  layout: BoardLayout;
}

// The grid's share of a 1920×1080 (or 1080×1920) screen; only the ratio matters.
const GRID_BOX: Record<BoardLayout, { width: number; height: number }> = {
  landscape: { width: 1130, height: 760 },
  portrait: { width: 1020, height: 820 },
};

/** Every counter of the board's areas with the number it serves now. */
export function CounterGrid({ counters, serviceNames, blinkingCounter, layout }: CounterGridProps) {
  const box = GRID_BOX[layout];
  const { columns, rows } = gridShape(counters.length, box.width, box.height);
  return (
    <section
      className="counter-grid"
      style={{ gridTemplateColumns: `repeat(${columns}, 1fr)`, gridTemplateRows: `repeat(${rows}, 1fr)` }}
      data-testid="counter-grid"
    >
      {counters.map((counter) => (
        <CounterTile
          key={counter.number}
          counter={counter}
          services={counter.serviceIds.map((id) => serviceNames.get(id) ?? id).join(' · ')}
          blinking={counter.number === blinkingCounter}
        />
      ))}
    </section>
  );
}

function CounterTile({ counter, services, blinking }: { counter: CatalogCounter; services: string; blinking: boolean }) {
  const paused = counter.status === 'paused';
  const classes = ['counter-tile', paused ? 'is-paused' : '', blinking ? 'is-blinking' : ''].filter(Boolean).join(' ');
  return (
    <div
      className={classes}
      data-testid={`board-counter-${counter.number}`}
      data-current={counter.current ?? ''}
      data-status={counter.status}
      aria-label={counterLabel(counter.number)}
    >
      {/* The counter number stands out on its own: it is where the citizen walks to. */}
      <div className="tile-badge" aria-hidden="true">
        <span className="tile-caption">{s('counter').split(' ')[0]}</span>
        <span className="tile-counter">{counter.number}</span>
      </div>
      <div className="tile-number">{paused ? s('paused') : (counter.current ?? '—')}</div>
      <div className="tile-services">{services}</div>
    </div>
  );
}
