import { afterEach, describe, expect, it, vi } from 'vitest';
import { Announcer, type AnnouncementRecord, type AudioBackend } from './announcer.js';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A backend whose clips finish only when the test says so, and which logs every
 * start and end, so overlap is visible in the log order rather than in timing.
 */
class ManualBackend implements AudioBackend {
  readonly log: string[] = [];
  readonly playing: Array<{ id: string; done: Deferred }> = [];
  volume: number | null = null;

  play(id: string): Promise<void> {
    const done = deferred();
    this.log.push(`start ${id}`);
    this.playing.push({ id, done });
    return done.promise.finally(() => this.log.push(`end ${id}`));
  }

  setVolume(volume: number): void {
    this.volume = volume;
  }

  /** Finishes the clip that is playing now (there must be exactly one). */
  async finishCurrent(error?: Error): Promise<string> {
    await flush();
    const unfinished = this.playing.splice(0);
    expect(unfinished, 'clips playing at once').toHaveLength(1);
    const current = unfinished[0]!;
    if (error) current.done.reject(error);
    else current.done.resolve();
    await flush();
    return current.id;
  }
}

/** Backend that finishes every clip at once and can be told to fail some. */
class InstantBackend implements AudioBackend {
  readonly played: string[] = [];
  readonly loaded: string[] = [];
  constructor(
    private readonly failPlay: ReadonlySet<string> = new Set(),
    private readonly failLoad: ReadonlySet<string> = new Set(),
  ) {}

  async play(id: string): Promise<void> {
    if (this.failPlay.has(id)) throw new Error(`cannot play ${id}`);
    this.played.push(id);
  }

  async load(id: string): Promise<void> {
    if (this.failLoad.has(id)) throw new Error(`cannot load ${id}`);
    this.loaded.push(id);
  }
}

/** Lets queued promise callbacks run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

const CALL_A = ['chime', 'xin-moi-cong-dan-co-so-thu-tu', 'digit-8', 'den-quay-so', 'num-80'];
const CALL_B = ['chime-recall', 'xin-moi-cong-dan-co-so-thu-tu', 'digit-2', 'den-quay-so', 'num-20'];

function announcer(backend: AudioBackend, extra: Partial<ConstructorParameters<typeof Announcer>[0]> = {}): Announcer {
  return new Announcer({ backend, pauseBetweenMs: 0, exposeOnWindow: false, onError: () => {}, ...extra });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Announcer', () => {
  it('plays the clips of an announcement in order', async () => {
    const backend = new InstantBackend();
    await announcer(backend).announce(CALL_A);
    expect(backend.played).toEqual(CALL_A);
  });

  it('plays queued announcements in the order they were queued', async () => {
    const backend = new InstantBackend();
    const a = announcer(backend);
    const calls = [CALL_A, CALL_B, ['chime', 'digit-1'], ['chime', 'digit-2']];
    const done = calls.map((clips) => a.announce(clips));
    await Promise.all(done);
    expect(backend.played).toEqual(calls.flat());
    expect(a.announcements.map((r) => r.clips)).toEqual(calls);
  });

  it('never overlaps: the second announcement starts only after the first one finished', async () => {
    const backend = new ManualBackend();
    const a = announcer(backend);
    const first = a.announce(['chime', 'digit-1']);
    const second = a.announce(['chime-recall', 'digit-2']);
    expect(a.pending).toBe(2);

    expect(await backend.finishCurrent()).toBe('chime');
    expect(await backend.finishCurrent()).toBe('digit-1');
    await first;
    expect(await backend.finishCurrent()).toBe('chime-recall');
    expect(await backend.finishCurrent()).toBe('digit-2');
    await second;

    expect(backend.log).toEqual([
      'start chime',
      'end chime',
      'start digit-1',
      'end digit-1',
      'start chime-recall',
      'end chime-recall',
      'start digit-2',
      'end digit-2',
    ]);
    expect(a.pending).toBe(0);
  });

  it('records an announcement when it starts, not when it is queued', async () => {
    const backend = new ManualBackend();
    let clock = 1000;
    const a = announcer(backend, { now: () => clock });
    void a.announce(CALL_A);
    void a.announce(CALL_B);
    await flush();
    expect(a.announcements).toEqual([{ clips: CALL_A, at: 1000 }]);
    clock = 2000;
    for (let i = 0; i < CALL_A.length; i++) await backend.finishCurrent();
    expect(a.announcements).toEqual([
      { clips: CALL_A, at: 1000 },
      { clips: CALL_B, at: 2000 },
    ]);
    for (let i = 0; i < CALL_B.length; i++) await backend.finishCurrent();
    await a.idle();
  });

  it('records the clips as they were when queued, and hands out copies', async () => {
    const a = announcer(new InstantBackend());
    const clips = ['chime', 'digit-1'];
    const done = a.announce(clips);
    clips.push('digit-9');
    await done;
    const records = a.announcements as AnnouncementRecord[];
    records[0]!.clips.push('tampered');
    expect(a.announcements[0]!.clips).toEqual(['chime', 'digit-1']);
  });

  it('when muted, plays nothing but still records', async () => {
    const backend = new InstantBackend();
    const a = announcer(backend, { muted: true });
    await a.announce(CALL_A);
    expect(backend.played).toEqual([]);
    expect(backend.loaded).toEqual([]);
    expect(a.announcements.map((r) => r.clips)).toEqual([CALL_A]);

    a.setMuted(false);
    await a.announce(CALL_B);
    expect(backend.played).toEqual(CALL_B);
    expect(a.announcements).toHaveLength(2);
  });

  it('muting stops the rest of the announcement that is playing', async () => {
    const backend = new ManualBackend();
    const a = announcer(backend);
    const done = a.announce(CALL_A);
    await backend.finishCurrent();
    a.setMuted(true);
    await backend.finishCurrent();
    await done;
    expect(backend.log).toEqual(['start chime', 'end chime', `start ${CALL_A[1]}`, `end ${CALL_A[1]}`]);
    expect(a.muted).toBe(true);
  });

  it('a clip that fails to play is reported and skipped; the queue carries on', async () => {
    const backend = new InstantBackend(new Set(['digit-8']));
    const errors: string[] = [];
    const a = announcer(backend, { onError: (_error, id) => errors.push(id) });
    const first = a.announce(CALL_A);
    const second = a.announce(CALL_B);
    await expect(first).resolves.toBeUndefined();
    await expect(second).resolves.toBeUndefined();
    expect(errors).toEqual(['digit-8']);
    expect(backend.played).toEqual([...CALL_A.filter((id) => id !== 'digit-8'), ...CALL_B]);
  });

  it('a clip whose promise rejects while playing does not jam the queue', async () => {
    const backend = new ManualBackend();
    const a = announcer(backend);
    const first = a.announce(['chime', 'digit-1']);
    const second = a.announce(['chime']);
    await backend.finishCurrent(new Error('decode failed'));
    expect(await backend.finishCurrent()).toBe('digit-1');
    expect(await backend.finishCurrent()).toBe('chime');
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
  });

  it('loads every clip before the first one plays, and skips the ones that cannot load', async () => {
    const backend = new InstantBackend(new Set(), new Set(['num-80']));
    const errors: string[] = [];
    const a = announcer(backend, { onError: (_error, id) => errors.push(id) });
    await a.announce([...CALL_A, 'digit-8']);
    expect(backend.loaded.sort()).toEqual(['chime', 'den-quay-so', 'digit-8', 'xin-moi-cong-dan-co-so-thu-tu']);
    expect(backend.played).toEqual(['chime', 'xin-moi-cong-dan-co-so-thu-tu', 'digit-8', 'den-quay-so', 'digit-8']);
    expect(errors).toEqual(['num-80']);
  });

  it('survives an error handler that throws', async () => {
    const backend = new InstantBackend(new Set(['chime']));
    const a = announcer(backend, {
      onError: () => {
        throw new Error('handler broke');
      },
    });
    await expect(a.announce(['chime', 'digit-1'])).resolves.toBeUndefined();
    await a.announce(['digit-2']);
    expect(backend.played).toEqual(['digit-1', 'digit-2']);
  });

  it('plays an empty announcement as silence but records it', async () => {
    const backend = new InstantBackend();
    const a = announcer(backend);
    await a.announce([]);
    expect(backend.played).toEqual([]);
    expect(a.announcements.map((r) => r.clips)).toEqual([[]]);
  });

  it('passes the volume to the backend, clamped to 0–1', () => {
    const backend = new ManualBackend();
    const a = announcer(backend, { volume: 0.4 });
    expect(backend.volume).toBe(0.4);
    a.setVolume(3);
    expect(a.volume).toBe(1);
    expect(backend.volume).toBe(1);
    a.setVolume(-1);
    expect(backend.volume).toBe(0);
    expect(() => a.setVolume(Number.NaN)).toThrow(RangeError);
  });

  it('keeps only the last maxRecords records', async () => {
    const a = announcer(new InstantBackend(), { maxRecords: 3 });
    for (let i = 1; i <= 5; i++) await a.announce([`digit-${i}`]);
    expect(a.announcements.map((r) => r.clips[0])).toEqual(['digit-3', 'digit-4', 'digit-5']);
  });

  it('publishes every started announcement on window.__laysoAnnouncements', async () => {
    const fakeWindow: { __laysoAnnouncements?: AnnouncementRecord[] } = {};
    vi.stubGlobal('window', fakeWindow);
    const first = new Announcer({ backend: new InstantBackend(), pauseBetweenMs: 0, now: () => 42 });
    await first.announce(CALL_A);
    // A second announcer on the page (a remounted screen) appends to the same list.
    const second = new Announcer({ backend: new InstantBackend(), pauseBetweenMs: 0, now: () => 43, muted: true });
    await second.announce(CALL_B);
    expect(fakeWindow.__laysoAnnouncements).toEqual([
      { clips: CALL_A, at: 42 },
      { clips: CALL_B, at: 43 },
    ]);
  });

  it('does not touch window when asked not to', async () => {
    const fakeWindow: { __laysoAnnouncements?: AnnouncementRecord[] } = {};
    vi.stubGlobal('window', fakeWindow);
    await announcer(new InstantBackend()).announce(CALL_A);
    expect(fakeWindow.__laysoAnnouncements).toBeUndefined();
  });

  it('idle() waits for announcements queued while waiting', async () => {
    const backend = new InstantBackend();
    const a = announcer(backend);
    void a.announce(['digit-1']);
    const idle = a.idle();
    void a.announce(['digit-2']);
    await idle;
    expect(backend.played).toEqual(['digit-1', 'digit-2']);
    expect(a.pending).toBe(0);
  });

  it('preload() loads each distinct clip once and reports failures', async () => {
    const backend = new InstantBackend(new Set(), new Set(['digit-9']));
    const errors: string[] = [];
    const a = announcer(backend, { onError: (_error, id) => errors.push(id) });
    await a.preload(['chime', 'chime', 'digit-1', 'digit-9']);
    expect(backend.loaded.sort()).toEqual(['chime', 'digit-1']);
    expect(errors).toEqual(['digit-9']);
  });
});
