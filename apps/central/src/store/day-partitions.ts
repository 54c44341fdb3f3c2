import type { SqlClient } from './sql-client.js';

// Any constant: two ingests creating the same day's partition take turns.
const PARTITION_LOCK = 7_203_320_002;

/**
 * Creates the events partition for each service day not seen before. Outside the
 * ingest transaction and under an advisory lock: CREATE TABLE IF NOT EXISTS alone
 * still races between two sessions. Days come validated (`yyyy-MM-dd`, 20xx).
 */
export class DayPartitions {
  private readonly known = new Set<string>();

  constructor(private readonly db: SqlClient) {}

  async ensure(days: Iterable<string>): Promise<void> {
    for (const day of new Set(days)) {
      if (this.known.has(day)) continue;
      if (!/^20\d\d-\d\d-\d\d$/.test(day)) throw new Error(`not a service day: ${day}`);
      const next = nextDay(day);
      await this.db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
        await tx.exec(`CREATE TABLE IF NOT EXISTS events_${day.replaceAll('-', '_')} PARTITION OF events FOR VALUES FROM ('${day}') TO ('${next}')`);
      });
      this.known.add(day);
    }
  }
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) throw new Error(`not a service day: ${day}`);
  return new Date(date.getTime() + 86_400_000).toISOString().slice(0, 10);
}
