import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCallAnnouncement, clipLanguage, isClipId } from '@layso/shared';
import { oggVorbisDuration } from '../test/ogg-duration.js';
import { AnnouncementScheduler, DEFAULT_PAUSE_MS, MAX_PENDING, type SchedulerCall } from './announcement-scheduler.js';

const VOICE_DIR = join(import.meta.dirname, '../../public/voice');
const durations = new Map<string, number>();
/** The shipped clip's real length in ms, read from the .ogg file itself. */
function clipMs(id: string): number {
  if (!isClipId(id)) throw new Error(`unknown clip ${id}`);
  let seconds = durations.get(id);
  if (seconds === undefined) {
    seconds = oggVorbisDuration(join(VOICE_DIR, clipLanguage(id), `${id}.ogg`));
    durations.set(id, seconds);
  }
  return seconds * 1000;
}
const lengthMs = (clips: readonly string[]) => clips.reduce((sum, id) => sum + clipMs(id), 0);

/** Virtual time: sleeps and clip playback are timers that fire only as the test runs the clock. */
class VirtualTime {
  private t = 0;
  private seq = 0;
  private readonly timers: { at: number; seq: number; fire: () => void }[] = [];
  readonly now = () => this.t;
  readonly sleep = (ms: number) => new Promise<void>((resolve) => this.at(this.t + ms, resolve));
  at(time: number, fire: () => void): void {
    this.timers.push({ at: time, seq: this.seq++, fire });
  }
  /** Fires every timer in time order, letting promise chains settle in between. */
  async run(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.timers.length === 0) return;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.t = next.at;
      next.fire();
    }
  }
}

function setup(options: { repeat?: number } = {}) {
  const time = new VirtualTime();
  const records: { clips: string[]; at: number }[] = [];
  const played: string[][] = [];
  const speaking: (string | null)[] = [];
  const unreadable: string[] = [];
  const scheduler = new AnnouncementScheduler<SchedulerCall>({
    clock: time,
    output: {
      // A clip sequence takes exactly as long as the shipped files last.
      play: (clips) => {
        played.push([...clips]);
        return new Promise((resolve) => time.at(time.now() + lengthMs(clips), resolve));
      },
      record: (clips, at) => records.push({ clips: [...clips], at }),
    },
    onSpeaking: (call) => speaking.push(call ? `${call.number}@${call.counter}` : null),
    onUnreadable: (call) => unreadable.push(call.number),
    ...(options.repeat !== undefined ? { repeat: options.repeat } : {}),
  });
  return { time, records, played, speaking, unreadable, scheduler };
}

const call = (number: string, counter: number, recall = false): SchedulerCall => ({ number, counter, recall });

describe('announcement scheduler (real clip durations, virtual time)', () => {
  it('reads the clip durations from the shipped files (as soxi -D does)', () => {
    // soxi -D apps/counter-display/public/voice/vi/chime.ogg → 1.182540
    expect(clipMs('chime')).toBeCloseTo(1182.54, 1);
    expect(clipMs('xin-moi-cong-dan-co-so-thu-tu')).toBeGreaterThan(2000);
  });

  it('starts the third of three simultaneous calls within 8 s: one chime, then each call short', async () => {
    const { time, records, speaking, scheduler } = setup();
    scheduler.enqueue(call('86001', 86));
    scheduler.enqueue(call('86002', 87));
    scheduler.enqueue(call('86003', 88));
    await time.run();
    expect(records.map((r) => r.clips)).toEqual([
      buildCallAnnouncement({ number: '86001', counter: 86, form: 'short' }),
      buildCallAnnouncement({ number: '86002', counter: 87, form: 'short', chime: false }),
      buildCallAnnouncement({ number: '86003', counter: 88, form: 'short', chime: false }),
    ]);
    const starts = records.map((r) => r.at);
    expect(starts[0]).toBe(0);
    expect(starts[2]).toBeLessThanOrEqual(8_000);
    // Spoken in full, one after the other (the old queue), the third would start after 14 s.
    const full = (n: string, c: number) => lengthMs(buildCallAnnouncement({ number: n, counter: c })) + DEFAULT_PAUSE_MS;
    expect(full('86001', 86) + full('86002', 87)).toBeGreaterThan(14_000);
    expect(speaking).toEqual(['86001@86', '86002@87', '86003@88', null]);
    console.info(`voice: three simultaneous calls start at ${starts.map((s) => (s / 1000).toFixed(2)).join(' s, ')} s`);
  });

  it('speaks a lone call in full, repeated as the center says', async () => {
    const { time, records, scheduler } = setup({ repeat: 2 });
    scheduler.enqueue(call('86001', 86));
    await time.run();
    const full = buildCallAnnouncement({ number: '86001', counter: 86 });
    expect(records.map((r) => r.clips)).toEqual([full, full]);
    expect(records[1]!.at).toBeCloseTo(lengthMs(full) + DEFAULT_PAUSE_MS, 6);
  });

  it('lets a call pressed during the chime make the first call short too', async () => {
    const { time, records, scheduler } = setup();
    scheduler.enqueue(call('86001', 86));
    time.at(400, () => scheduler.enqueue(call('12001', 12)));
    await time.run();
    expect(records.map((r) => r.clips)).toEqual([
      buildCallAnnouncement({ number: '86001', counter: 86, form: 'short' }),
      buildCallAnnouncement({ number: '12001', counter: 12, form: 'short', chime: false }),
    ]);
  });

  it('says a call that waited behind a full sentence short, without a chime of its own, and gives up repeats for it', async () => {
    const { time, records, scheduler } = setup({ repeat: 3 });
    scheduler.enqueue(call('86001', 86));
    time.at(3_000, () => scheduler.enqueue(call('86002', 87)));
    await time.run();
    const full = buildCallAnnouncement({ number: '86001', counter: 86 });
    expect(records.map((r) => r.clips)).toEqual([full, buildCallAnnouncement({ number: '86002', counter: 87, form: 'short', chime: false })]);
  });

  it('starts a new run with a chime after a silence', async () => {
    const { time, records, scheduler } = setup();
    scheduler.enqueue(call('86001', 86));
    time.at(30_000, () => scheduler.enqueue(call('86002', 86)));
    await time.run();
    expect(records[1]).toEqual({ clips: buildCallAnnouncement({ number: '86002', counter: 86 }), at: 30_000 });
  });

  it('merges a recall of a number still waiting into its place, and a transfer takes the latest counter', async () => {
    const { time, records, scheduler } = setup();
    scheduler.enqueue(call('86001', 86));
    scheduler.enqueue(call('86002', 87));
    scheduler.enqueue(call('86003', 88));
    scheduler.enqueue(call('86002', 87, true));
    scheduler.enqueue(call('86003', 89));
    expect(scheduler.waiting.map((c) => `${c.number}@${c.counter}${c.recall ? 'r' : ''}`)).toEqual(['86002@87', '86003@89']);
    await time.run();
    expect(records.map((r) => r.clips.filter((id) => id.startsWith('digit')).join(''))).toEqual([
      'digit-8digit-6digit-0digit-0digit-1',
      'digit-8digit-6digit-0digit-0digit-2',
      'digit-8digit-6digit-0digit-0digit-3',
    ]);
    expect(records[2]!.clips).toEqual(buildCallAnnouncement({ number: '86003', counter: 89, form: 'short', chime: false }));
  });

  it('says a recall pressed while its number is being spoken after it, short, with the recall chime', async () => {
    const { time, records, scheduler } = setup();
    scheduler.enqueue(call('86001', 86));
    time.at(2_000, () => scheduler.enqueue(call('86001', 86, true)));
    time.at(30_000, () => scheduler.enqueue(call('86001', 86, true)));
    await time.run();
    expect(records.map((r) => r.clips)).toEqual([
      buildCallAnnouncement({ number: '86001', counter: 86 }),
      buildCallAnnouncement({ number: '86001', counter: 86, recall: true, form: 'short' }),
      buildCallAnnouncement({ number: '86001', counter: 86, recall: true }),
    ]);
  });

  it('skips a number it cannot read and keeps at most MAX_PENDING calls waiting', async () => {
    const { time, records, unreadable, scheduler } = setup();
    scheduler.enqueue(call('86000', 86));
    expect(unreadable).toEqual(['86000']);
    for (let i = 1; i <= MAX_PENDING + 5; i++) scheduler.enqueue(call(`86${String(i).padStart(3, '0')}`, 86));
    expect(scheduler.waiting.length).toBeLessThanOrEqual(MAX_PENDING);
    await time.run();
    expect(records.length).toBeLessThanOrEqual(MAX_PENDING + 1);
    await scheduler.idle();
  });
});
