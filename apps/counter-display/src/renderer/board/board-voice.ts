import { buildCallAnnouncement, clipLanguage, CLIP_WORDS, isClipId, type RecentCall } from '@layso/shared';
import { Announcer, type AudioBackend } from '../../voice/announcer.js';
import { WebAudioBackend } from '../../voice/web-audio-backend.js';

export interface BoardVoiceOptions {
  volume: number;
  muted: boolean;
  /** Times each call is spoken in a row (center default 1). */
  repeat?: number;
  /** Tests pass a fake; the board uses Web Audio. */
  backend?: AudioBackend & { unlock?(): Promise<void> };
  pauseBetweenMs?: number;
}

export interface BoardVoice {
  announcer: Announcer;
  /** Queues the call's sentence (chime, then "Xin mời công dân có số thứ tự …"). */
  announce(call: RecentCall): void;
  /** Applies new announcement settings live (the admin changed the center's defaults). */
  configure(settings: { volume: number; repeat: number }): void;
  /** From a click: lets audio play where the browser blocks it until a user gesture. */
  unlock(): Promise<void>;
}

/**
 * The board's voice: every live call of its areas is queued on the voice engineer's
 * announcer, a recall with its own chime. The announcer records every announcement
 * on window.__laysoAnnouncements even when muted or blocked, which is what the e2e
 * tests read.
 */
export function createBoardVoice(options: BoardVoiceOptions): BoardVoice {
  const backend = options.backend ?? new WebAudioBackend({ volume: options.volume });
  const announcer = new Announcer({
    backend,
    volume: options.volume,
    muted: options.muted,
    ...(options.pauseBetweenMs !== undefined ? { pauseBetweenMs: options.pauseBetweenMs } : {}),
  });
  if (!options.muted) {
    // Decode every Vietnamese clip once at start-up so the first call of the day has no gap.
    void announcer.preload(Object.keys(CLIP_WORDS).filter((id) => isClipId(id) && clipLanguage(id) === 'vi'));
  }
  let repeat = Math.max(1, options.repeat ?? 1);
  return {
    announcer,
    configure(settings) {
      announcer.setVolume(settings.volume);
      repeat = Math.max(1, settings.repeat);
    },
    announce(call) {
      let clips: string[];
      try {
        clips = buildCallAnnouncement({ number: call.number, counter: call.counter, recall: call.recall });
      } catch (error) {
        // A number the phrase builder cannot read is still shown; it is just not spoken.
        console.warn('voice: call not announced', call, error);
        return;
      }
      for (let i = 0; i < repeat; i++) void announcer.announce(clips);
    },
    unlock: async () => {
      await backend.unlock?.();
    },
  };
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
