import {
  CENTRAL_HUB_HEADER,
  CENTRAL_INGEST_PATH,
  CENTRAL_MAX_BATCH,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  serviceDay,
  type CentralEvent,
  type CentralIngestAnswer,
} from '@layso/shared';
import { signRequest } from '@layso/shared/request-signature';
import type { Clock } from '../queue/ports.js';
import { DEFAULT_RETRY, retryDelayMs, type RetryPolicy } from '../portal/retry-delay.js';
import type { SqliteCentralOutbox } from './sqlite-central-outbox.js';

/** Hub settings for central (docs/install.md); absent = the hub does not stream. */
export interface CentralSettings {
  url: string;
  hubId: string;
  secret: string;
}

const KEEP_ACKED_MS = 7 * 86_400_000;
const IDLE_POLL_MS = 2_000;

/**
 * Sends the central outbox in order, one batch at a time, until central has it all.
 * Central's answer (or its GAP refusal) carries its high-water mark and the sender
 * continues from there, so a lost answer, a hub restart or a central restored from a
 * backup all resume at the right event; central stores each (hub, seq) once. A
 * failure backs off exponentially (portal/retry-delay.ts); the hub never waits on it.
 */
export class CentralUpstream {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  private attempt = 0;
  lastError: string | null = null;

  constructor(
    private readonly deps: {
      outbox: SqliteCentralOutbox;
      settings: CentralSettings | null;
      clock: Clock;
      timeZone: () => string;
      retry?: RetryPolicy;
      batchSize?: number;
      log?: (line: string) => void;
    },
  ) {}

  start(): void {
    this.deps.outbox.setEnabled(this.deps.settings !== null);
    if (this.deps.settings) this.schedule(0);
  }

  /** Events were committed: send soon. */
  kick(): void {
    if (this.deps.settings && !this.running && this.attempt === 0 && !this.stopped) this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pump(), delayMs);
    this.timer.unref();
  }

  private async pump(): Promise<void> {
    this.timer = null;
    if (this.running || this.stopped) return;
    this.running = true;
    let next = IDLE_POLL_MS;
    try {
      while (!this.stopped) {
        const acked = this.deps.outbox.acked();
        const rows = this.deps.outbox.after(acked, Math.min(this.deps.batchSize ?? 200, CENTRAL_MAX_BATCH));
        if (rows.length === 0) break;
        const tz = this.deps.timeZone();
        const events: CentralEvent[] = rows.map((r) => ({ seq: r.seq, kind: r.kind, day: r.day ?? serviceDay(r.occurredAt, tz), occurredAt: r.occurredAt, payload: r.payload }));
        const highWater = await this.send(events);
        if (highWater < rows[0]!.seq - 1 && this.deps.outbox.after(highWater, 1)[0]?.seq !== highWater + 1) {
          throw new Error(`central holds up to seq ${highWater} and the hub no longer keeps ${highWater + 1}: central needs a repair (docs/central.md)`);
        }
        this.deps.outbox.setAcked(highWater);
        this.deps.outbox.prune(highWater, this.deps.clock.now() - KEEP_ACKED_MS);
        this.attempt = 0;
        this.lastError = null;
        // Central is behind what the hub still holds (restored from a backup): resend from there.
        if (highWater < acked) this.deps.log?.(`central holds up to ${highWater}, the hub had ${acked} acknowledged: resending from ${highWater + 1}`);
      }
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      if (this.attempt === 0) this.deps.log?.(`central upstream: ${this.lastError}; retrying with backoff`);
      next = retryDelayMs(this.attempt++, Math.random, this.deps.retry ?? DEFAULT_RETRY);
    } finally {
      this.running = false;
    }
    this.schedule(next);
  }

  /** Posts one signed batch; returns central's high-water mark. */
  private async send(events: CentralEvent[]): Promise<number> {
    const { url, hubId, secret } = this.deps.settings!;
    const body = JSON.stringify({ events });
    const timestamp = String(this.deps.clock.now());
    const response = await fetch(`${url.replace(/\/$/, '')}${CENTRAL_INGEST_PATH}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [CENTRAL_HUB_HEADER]: hubId,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signRequest(secret, timestamp, 'POST', CENTRAL_INGEST_PATH, body),
      },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    const json = (await response.json().catch(() => null)) as (CentralIngestAnswer & { error?: { code?: string; highWater?: number } }) | null;
    if (response.status === 200 && json && Number.isInteger(json.highWater)) return json.highWater;
    if (response.status === 409 && json?.error?.code === 'GAP' && Number.isInteger(json.error.highWater)) return json.error.highWater!;
    throw new Error(`central answered ${response.status}${json?.error?.code ? ` ${json.error.code}` : ''}`);
  }
}
