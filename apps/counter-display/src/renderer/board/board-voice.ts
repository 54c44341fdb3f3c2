import { clipLanguage, CLIP_WORDS, isClipId, type RecentCall } from '@layso/shared';
import { AnnouncementScheduler, type SchedulerClock } from '../../voice/announcement-scheduler.js';
import { Announcer, followCenterVoice, WebAudioBackend, type AudioBackend } from '@layso/shared/voice';
import { noteDecodedClip } from '../../voice/decoded-clips.js';

export interface BoardVoiceOptions {
  volume: number;
  muted: boolean;
  /** Times each call is spoken in a row (center default 1). */
  repeat?: number;
  /** Tests pass a fake; the board uses Web Audio, following the center's recordings. */
  backend?: AudioBackend & { unlock?(): Promise<void> };
  /** Silence after a run of calls (scheduler default 600 ms). */
  pauseBetweenMs?: number;
  /** Tests drive time by hand. */
  clock?: SchedulerClock;
  /** The call being spoken now, null when silent (the board highlights it). */
  onSpeaking?(call: RecentCall | null): void;
}

export interface BoardVoice {
  announcer: Announcer;
  scheduler: AnnouncementScheduler<RecentCall>;
  /** Queues the call's sentence (chime, then "Xin mời công dân có số thứ tự …"). */
  announce(call: RecentCall): void;
  /** Applies new announcement settings live (the admin changed the center's defaults). */
  configure(settings: { volume: number; repeat: number }): void;
  /** From a click: lets audio play where the browser blocks it until a user gesture. */
  unlock(): Promise<void>;
}

/**
 * The board's voice: every live call of its areas goes to the announcement
 * scheduler (which says less when calls queue up), played by the announcer, a
 * recall with its own chime. The announcer records every announcement
 * on window.__laysoAnnouncements even when muted or blocked, which is what the e2e
 * tests read.
 */
export function createBoardVoice(options: BoardVoiceOptions): BoardVoice {
  const backend = options.backend ?? centerVoiceBackend(options.volume, options.muted);
  // The scheduler decides what is said and when (pauses included); the announcer
  // only plays clips, so its own pause is off.
  const announcer = new Announcer({ backend, volume: options.volume, muted: options.muted, pauseBetweenMs: 0 });
  const scheduler = new AnnouncementScheduler<RecentCall>({
    output: {
      play: (clips) => announcer.announce(clips, { record: false }),
      record: (clips, at) => announcer.record(clips, at),
    },
    repeat: options.repeat ?? 1,
    ...(options.pauseBetweenMs !== undefined ? { pauseMs: options.pauseBetweenMs } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.onSpeaking ? { onSpeaking: options.onSpeaking } : {}),
  });
  if (!options.muted) {
    // Decode every Vietnamese clip once at start-up so the first call of the day has no gap.
    void announcer.preload(Object.keys(CLIP_WORDS).filter((id) => isClipId(id) && clipLanguage(id) === 'vi'));
  }
  return {
    announcer,
    scheduler,
    configure(settings) {
      announcer.setVolume(settings.volume);
      scheduler.repeat = settings.repeat;
    },
    // A number the phrase builder cannot read is still shown; it is just not spoken.
    announce: (call) => scheduler.enqueue(call),
    unlock: async () => {
      await backend.unlock?.();
    },
  };
}

/**
 * Web Audio playing the center's own recordings where it has them (the hub's voice
 * manifest, polled), the shipped clips for the rest. A clip re-recorded while the board
 * runs is decoded again before the next call needs it.
 */
function centerVoiceBackend(volume: number, muted: boolean): WebAudioBackend {
  const backend = new WebAudioBackend({ volume, baseUrl: import.meta.env.BASE_URL, onDecoded: noteDecodedClip });
  followCenterVoice({
    backend,
    onChange: (ids) => {
      if (!muted) for (const id of ids) void backend.load(id).catch(() => undefined);
    },
  });
  return backend;
}

/**
 * True when the browser keeps audio suspended until a user gesture (autoplay
 * policy). Electron board windows allow autoplay, so the button never shows there.
 */
export async function isAudioBlocked(waitMs = 400): Promise<boolean> {
  if (typeof AudioContext === 'undefined') return false;
  const probe = new AudioContext();
  try {
    if (probe.state === 'running') return false;
    // An allowed context may take a moment to start; a blocked one stays suspended.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      probe.onstatechange = () => {
        if (probe.state === 'running') {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    return (probe.state as AudioContextState) !== 'running';
  } finally {
    void probe.close().catch(() => undefined);
  }
}
