/**
 * Which call the hall hears next, and in how many words.
 *
 * One call alone is spoken in full ("Xin mời công dân có số thứ tự … đến quầy số …",
 * ≈ 7.3 s with the shipped clips). When calls queue up (three counters pressing at
 * once), speaking each in full puts the third one 16 s behind the board, so:
 *   - a run of calls starts with one chime; the form of the first call is chosen
 *     after the chime, which gives calls pressed "at the same time" (a few hundred ms
 *     apart on the wire) the time to arrive without delaying a lone call;
 *   - a call that has others waiting behind it, or that had to wait itself, is
 *     spoken short ("8 6 0 0 2, quầy 87"), with no chime of its own and a short gap;
 *   - a recall (or a transfer's new call) of a number that is still waiting to be
 *     spoken replaces the waiting entry in place: the number is said once, to its
 *     latest counter, and nobody behind it waits longer; a recall pressed once the
 *     number is being spoken follows it, short but with the recall chime, so the
 *     hall hears that it is a repeat;
 *   - the center's "repeat N times" applies to a call spoken alone only.
 * `onSpeaking` names the call being spoken (null when silent), so the board can
 * highlight the number the hall hears rather than the newest one.
 *
 * Time comes from an injected clock (now + sleep), so the timing is unit-tested
 * with the real clips' durations and no real waiting.
 */
import { buildCallAnnouncement, type AnnouncementForm, type AnnouncementLanguage } from '@layso/shared';

export interface SchedulerCall {
  number: string;
  counter: number;
  recall: boolean;
}

export interface SchedulerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface VoiceOutput {
  /** Plays clips back to back; resolves when done (or skipped), never rejects. */
  play(clips: readonly string[]): Promise<void>;
  /** Records that a call's announcement (these clips) started at `at` (test hook, log). */
  record(clips: readonly string[], at: number): void;
}

export interface SchedulerOptions<C extends SchedulerCall> {
  output: VoiceOutput;
  clock?: SchedulerClock;
  language?: AnnouncementLanguage;
  /** Times a call spoken alone is repeated (center setting, default 1). */
  repeat?: number;
  /** Silence between two calls of one run (default 150 ms; the clips add their own tail). */
  gapMs?: number;
  /** Silence after a run before the next run's chime (default 600 ms). */
  pauseMs?: number;
  onSpeaking?(call: C | null): void;
  /** A call the phrase builder cannot read: shown on the board, not spoken. */
  onUnreadable?(call: C, error: unknown): void;
}

export const DEFAULT_GAP_MS = 150;
export const DEFAULT_PAUSE_MS = 600;
/** Waiting calls kept; a board cut off from its speakers for hours must not grow without end. */
export const MAX_PENDING = 50;

const realClock: SchedulerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class AnnouncementScheduler<C extends SchedulerCall> {
  private readonly output: VoiceOutput;
  private readonly clock: SchedulerClock;
  private readonly language: AnnouncementLanguage;
  private readonly gapMs: number;
  private readonly pauseMs: number;
  private readonly onSpeaking: (call: C | null) => void;
  private readonly onUnreadable: (call: C, error: unknown) => void;
  private repeatCount: number;
  private readonly pending: C[] = [];
  private running: Promise<void> | null = null;

  constructor(options: SchedulerOptions<C>) {
    this.output = options.output;
    this.clock = options.clock ?? realClock;
    this.language = options.language ?? 'vi';
    this.gapMs = Math.max(0, options.gapMs ?? DEFAULT_GAP_MS);
    this.pauseMs = Math.max(0, options.pauseMs ?? DEFAULT_PAUSE_MS);
    this.repeatCount = Math.max(1, Math.floor(options.repeat ?? 1));
    this.onSpeaking = options.onSpeaking ?? (() => undefined);
    this.onUnreadable = options.onUnreadable ?? ((call, error) => console.warn('voice: call not announced', call, error));
  }

  set repeat(value: number) {
    this.repeatCount = Math.max(1, Math.floor(value));
  }

  /** Calls waiting to be spoken (not the one being spoken), oldest first. */
  get waiting(): readonly C[] {
    return [...this.pending];
  }

  /** Queues a call; a call for a number already waiting replaces it in place. */
  enqueue(call: C): void {
    try {
      this.clips(call, 'full', true);
    } catch (error) {
      this.onUnreadable(call, error);
      return;
    }
    const index = this.pending.findIndex((p) => p.number === call.number);
    if (index >= 0) {
      // Not heard yet, so it is still a first call for the hall (its own chime/form),
      // but to the counter it was called to last.
      const waiting = this.pending[index]!;
      this.pending[index] = { ...call, recall: waiting.recall && call.recall };
    } else {
      this.pending.push(call);
      if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
    }
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when nothing is being spoken or waiting. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private clips(call: SchedulerCall, form: AnnouncementForm, chime: boolean): string[] {
    return buildCallAnnouncement({ number: call.number, counter: call.counter, recall: call.recall, language: this.language, form, chime });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      await this.run();
      // Two runs are heard as two: a silence before the next chime.
      await this.clock.sleep(this.pauseMs);
    }
  }

  /** One run: a chime, then every call waiting until none is left. */
  private async run(): Promise<void> {
    let first = true;
    try {
      while (this.pending.length > 0) {
        const call = this.pending.shift()!;
        const at = this.clock.now();
        this.onSpeaking(call);
        if (first) {
          const chime = this.clips(call, 'full', true).slice(0, 1);
          await this.output.play(chime);
          // Chosen after the chime: calls pressed together have arrived by now.
          const alone = this.pending.length === 0;
          const rest = this.clips(call, alone ? 'full' : 'short', false);
          this.output.record([...chime, ...rest], at);
          await this.output.play(rest);
          if (alone) await this.repeatAlone(call);
        } else {
          const rest = this.clips(call, 'short', call.recall);
          this.output.record(rest, at);
          await this.output.play(rest);
        }
        first = false;
        if (this.pending.length > 0) await this.clock.sleep(this.gapMs);
      }
    } finally {
      this.onSpeaking(null);
    }
  }

  /** The center's repeats of a lone call, given up as soon as another call waits. */
  private async repeatAlone(call: C): Promise<void> {
    for (let i = 1; i < this.repeatCount && this.pending.length === 0; i++) {
      await this.clock.sleep(this.pauseMs);
      if (this.pending.length > 0) return;
      const clips = this.clips(call, 'full', true);
      this.output.record(clips, this.clock.now());
      await this.output.play(clips);
    }
  }
}
