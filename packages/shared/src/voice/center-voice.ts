/**
 * Keeps a screen's voice on the center's current recordings: fetches the hub's voice
 * manifest at start and every VOICE_MANIFEST_POLL_MS, and when its version moved hands
 * the backend the new clip URLs (each carries the clip's version, so no cache serves
 * an old take). A hub that is down or answers nonsense changes nothing: the screen
 * keeps the clips it has, the shipped ones for everything not recorded.
 */
import { VOICE_MANIFEST_POLL_MS, voiceClipPath, voiceManifestSchema } from '../schemas/voice.js';

export interface CenterVoiceTarget {
  useCenterClips(urls: ReadonlyMap<string, string>): string[];
}

export interface CenterVoiceOptions {
  backend: CenterVoiceTarget;
  /** The hub's origin; '' when the page is served by the hub (boards, the kiosk page). */
  hubUrl?: string;
  fetch?: typeof fetch;
  intervalMs?: number;
  /** The ids whose audio changed (recorded, re-recorded or removed), to preload them. */
  onChange?(clipIds: string[]): void;
}

export interface CenterVoice {
  /** Fetches the manifest now; resolves once it is applied (or failed). */
  refresh(): Promise<void>;
  stop(): void;
}

export function followCenterVoice(options: CenterVoiceOptions): CenterVoice {
  const base = (options.hubUrl ?? '').replace(/\/+$/, '');
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  let version: number | null = null;
  let stopped = false;
  const refresh = async () => {
    try {
      const response = await fetchFn(`${base}/api/voice`, { cache: 'no-store' });
      if (!response.ok) return;
      const parsed = voiceManifestSchema.safeParse(await response.json());
      if (!parsed.success || stopped || parsed.data.version === version) return;
      version = parsed.data.version;
      const changed = options.backend.useCenterClips(new Map(parsed.data.clips.map((clip) => [clip.id, `${base}${voiceClipPath(clip)}`])));
      if (changed.length > 0) options.onChange?.(changed);
    } catch {
      // Offline: keep what plays now, try again at the next poll.
    }
  };
  const timer = setInterval(() => void refresh(), options.intervalMs ?? VOICE_MANIFEST_POLL_MS);
  void refresh();
  return {
    refresh,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
