import { UI } from '../strings.js';
import { formatMinutes } from '../time/elapsed.js';

/** Today's served count and average service time, from GET /queue. */
export function StatsBar({ servedToday, avgServiceMin }: { servedToday: number; avgServiceMin: number | null }) {
  return (
    <section className="stats" data-testid="stats">
      <p>
        <span>{UI.servedToday}</span>
        <strong data-testid="served-today">{servedToday}</strong>
      </p>
      <p>
        <span>{UI.avgService}</span>
        <strong data-testid="avg-service">{formatMinutes(avgServiceMin)}</strong>
      </p>
    </section>
  );
}
