/**
 * The hall's announcement queue: plays clip sequences (built by
 * buildCallAnnouncement in @layso/shared) one announcement at a time.
 *
 * Two calls pressed at nearly the same moment at two counters must not talk over
 * each other, so announcements are strictly sequential: the next one starts only
 * after every clip of the current one has finished (or failed). Playback itself is
 * behind the AudioBackend interface, so the queue is tested with a fake backend and
 * runs with Web Audio in the browser (web-audio-backend.ts).
 *
 * Every announcement that starts is recorded as { clips, at }, in `announcements`
 * and on `window.__laysoAnnouncements`, so browser e2e tests can assert what the
 * hall heard without listening to audio. Muted announcements are recorded too:
 * the record says what was announced, not whether the speakers were on.
 */

export interface AudioBackend {
  /** Plays one clip to its end. Rejects when the clip cannot be loaded or played. */
  play(clipId: string): Promise<void>;
  /**
   * Optional: fetches and decodes a clip ahead of time. The announcer loads every
   * clip of an announcement before playing the first one, so the sentence is not
   * broken up by network round trips between words.
   */
  load?(clipId: string): Promise<void>;
  /** Optional: output volume 0–1. */
  setVolume?(volume: number): void;
}

export interface AnnouncementRecord {
  clips: string[];
  /** When the announcement started, epoch milliseconds. */
  at: number;
}

export interface AnnouncerOptions {
  backend: AudioBackend;
  /** 0–1, default 1. */
  volume?: number;
  muted?: boolean;
  /**
   * Silence after an announcement before the next one starts, so two calls are
   * heard as two sentences. Default 600 ms; tests pass 0.
   */
  pauseBetweenMs?: number;
  /** Records kept (the board runs for weeks without a reload). Default 500. */
  maxRecords?: number;
  now?: () => number;
  /** A clip that failed; default console.warn. The queue carries on either way. */
  onError?: (error: unknown, clipId: string) => void;
  /** Publish records on window.__laysoAnnouncements (default true, when a window exists). */
  exposeOnWindow?: boolean;
}

declare global {
  interface Window {
    /** Test hook: every announcement started on this page, oldest first. */
    __laysoAnnouncements?: AnnouncementRecord[];
  }
}

const DEFAULT_PAUSE_MS = 600;
const DEFAULT_MAX_RECORDS = 500;

function pushCapped(list: AnnouncementRecord[], record: AnnouncementRecord, max: number): void {
  list.push(record);
  // Trim in place: e2e tests may hold a reference to the window array.
  if (list.length > max) list.splice(0, list.length - max);
}

export class Announcer {
  private readonly backend: AudioBackend;
  private readonly pauseBetweenMs: number;
  private readonly maxRecords: number;
  private readonly now: () => number;
  private readonly onError: (error: unknown, clipId: string) => void;
  private readonly records: AnnouncementRecord[] = [];
  private readonly windowRecords: AnnouncementRecord[] | null;
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;
  private currentVolume = 1;
  private isMuted: boolean;

  constructor(options: AnnouncerOptions) {
    this.backend = options.backend;
    this.pauseBetweenMs = Math.max(0, options.pauseBetweenMs ?? DEFAULT_PAUSE_MS);
    this.maxRecords = Math.max(1, options.maxRecords ?? DEFAULT_MAX_RECORDS);
    this.now = options.now ?? Date.now;
    const onError = options.onError ?? ((error, clipId) => console.warn(`voice: clip "${clipId}" skipped`, error));
    // A throwing error handler must not break the queue either.
    this.onError = (error, clipId) => {
      try {
        onError(error, clipId);
      } catch {
        // Nothing left to report to.
      }
    };
    this.isMuted = options.muted ?? false;
    this.setVolume(options.volume ?? 1);
    if ((options.exposeOnWindow ?? true) && typeof window !== 'undefined') {
      // Shared by every announcer on the page, so a remounted screen keeps the history.
      window.__laysoAnnouncements ??= [];
      this.windowRecords = window.__laysoAnnouncements;
    } else {
      this.windowRecords = null;
    }
  }

  /**
   * Queues an announcement. The promise resolves once it has been played (or
   * skipped because muted, or partly failed); it never rejects, so callers can fire
   * and forget.
   */
  announce(clips: readonly string[], options: { record?: boolean } = {}): Promise<void> {
    const sequence = [...clips];
    const record = options.record ?? true;
    this.queued++;
    const played = this.tail.then(() => this.run(sequence, record));
    // The tail must never reject: a rejected link would skip every later announcement.
    this.tail = played.then(
      (audible) => (audible ? this.pauseAfter() : undefined),
      () => undefined,
    );
    return played.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Resolves when nothing is playing or waiting. */
  async idle(): Promise<void> {
    // Announcements queued while waiting extend the tail: wait for those too.
    let seen: Promise<void> | undefined;
    while (seen !== this.tail) {
      seen = this.tail;
      await seen;
    }
  }

  /** Every announcement started so far (the last `maxRecords`), oldest first. */
  get announcements(): readonly AnnouncementRecord[] {
    return this.records.map((r) => ({ clips: [...r.clips], at: r.at }));
  }

  /** Announcements queued or playing. */
  get pending(): number {
    return this.queued;
  }

  get volume(): number {
    return this.currentVolume;
  }

  setVolume(volume: number): void {
    if (!Number.isFinite(volume)) throw new RangeError(`volume must be a number 0–1, got ${volume}`);
    this.currentVolume = Math.min(1, Math.max(0, volume));
    this.backend.setVolume?.(this.currentVolume);
  }

  get muted(): boolean {
    return this.isMuted;
  }

  /** Muting also silences the rest of the announcement that is playing. */
  setMuted(muted: boolean): void {
    this.isMuted = muted;
  }

  /** Warms the clip cache (e.g. every clip at start-up), so the first call has no delay. */
  async preload(clipIds: readonly string[]): Promise<void> {
    const load = this.backend.load;
    if (!load) return;
    await Promise.all(
      [...new Set(clipIds)].map((id) => load.call(this.backend, id).catch((error: unknown) => this.onError(error, id))),
    );
  }

  /**
   * Records an announcement that started at `at` without playing anything: the
   * board's scheduler plays a call in parts (chime, then the form it chose) and
   * records the call once, as the hall heard it.
   */
  record(clips: readonly string[], at: number = this.now()): void {
    pushCapped(this.records, { clips: [...clips], at }, this.maxRecords);
    if (this.windowRecords) pushCapped(this.windowRecords, { clips: [...clips], at }, this.maxRecords);
  }

  /** Plays one announcement; true when audio was played (so a pause should follow). */
  private async run(clips: string[], record: boolean): Promise<boolean> {
    try {
      if (record) this.record(clips);
      if (this.isMuted || clips.length === 0) return false;
      const unavailable = await this.loadAll(clips);
      for (const id of clips) {
        if (this.isMuted) return true;
        // A clip that failed to load was already reported: leave a gap, keep going.
        if (unavailable.has(id)) continue;
        try {
          await this.backend.play(id);
        } catch (error) {
          this.onError(error, id);
        }
      }
      return true;
    } finally {
      this.queued--;
    }
  }

  /** Loads every distinct clip; returns the ones that failed (each reported once). */
  private async loadAll(clips: readonly string[]): Promise<Set<string>> {
    const unavailable = new Set<string>();
    const load = this.backend.load;
    if (!load) return unavailable;
    await Promise.all(
      [...new Set(clips)].map(async (id) => {
        try {
          await load.call(this.backend, id);
        } catch (error) {
          unavailable.add(id);
          this.onError(error, id);
        }
      }),
    );
    return unavailable;
  }

  private pauseAfter(): Promise<void> {
    if (this.pauseBetweenMs === 0) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, this.pauseBetweenMs));
  }
}
