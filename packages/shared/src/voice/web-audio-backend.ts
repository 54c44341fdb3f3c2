/**
 * Web Audio playback of the pre-generated voice clips (scripts/generate-voice-clips.sh).
 *
 * Clips are fetched once, decoded once and cached as AudioBuffers: a call replays
 * ~10 short clips back to back, and buffer sources start sample-accurately, which
 * <audio> elements do not. All output goes through one GainNode (the volume).
 *
 * Where a clip comes from, first hit wins:
 *   1. the center's recording of it, when the hub's voice manifest lists one
 *      (`useCenterClips`, fed by followCenterVoice in center-voice.ts);
 *   2. `<overrideBaseUrl>/<language>/<clip-id>.<ext>` for each override extension —
 *      a folder of files dropped in by hand (apps/counter-display/src/voice/README.md);
 *   3. `<baseUrl>/voice/<language>/<clip-id>.<extension>` — the shipped set.
 * <language> is `en` for clip ids starting with `en-`, else `vi` (the chimes live
 * with the Vietnamese set): the same rule as clipLanguage() in @layso/shared.
 */
import type { AudioBackend } from './announcer.js';

export interface WebAudioBackendOptions {
  /** Where the app is served; the shipped clips are under `<baseUrl>/voice/`. Default: Vite's BASE_URL. */
  baseUrl?: string;
  /** A folder laid out like `voice/` (vi/, en/) whose files replace the shipped ones. */
  overrideBaseUrl?: string;
  /** Extension of the shipped clips. Default 'ogg'. */
  extension?: string;
  /** Extensions tried in the override folder, in order. Default ogg, wav, mp3. */
  overrideExtensions?: readonly string[];
  /** 0–1, default 1. */
  volume?: number;
  /** Injectable for tests; default `new AudioContext()`, created on first use. */
  createContext?: () => AudioContext;
  fetch?: typeof fetch;
  /**
   * How long to wait for a suspended AudioContext to resume. Chromium keeps a
   * context suspended until a user gesture (autoplay policy); without this bound a
   * call would wait forever and jam the queue. Default 1500 ms.
   */
  resumeTimeoutMs?: number;
  /** Told of every clip decoded (where from, the buffer): the e2e tests read it to check what the hall would hear. */
  onDecoded?(clipId: string, url: string, buffer: AudioBuffer): void;
}

/** Same rule as clipLanguage() in packages/shared/src/announcement.ts. */
export function clipFolder(clipId: string): 'vi' | 'en' {
  return clipId.startsWith('en-') ? 'en' : 'vi';
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

function defaultBaseUrl(): string {
  // import.meta.env exists under Vite and Vitest; fall back to the site root elsewhere.
  // (Typed here because this package is not built with vite/client's types.)
  return (import.meta as ImportMeta & { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
}

const DEFAULT_OVERRIDE_EXTENSIONS = ['ogg', 'wav', 'mp3'] as const;

export class WebAudioBackend implements AudioBackend {
  private readonly baseUrl: string;
  private readonly overrideBaseUrl: string | null;
  private readonly extension: string;
  private readonly overrideExtensions: readonly string[];
  private readonly createContext: () => AudioContext;
  private readonly fetchFn: typeof fetch;
  private readonly resumeTimeoutMs: number;
  private readonly buffers = new Map<string, Promise<AudioBuffer>>();
  private centerClips: ReadonlyMap<string, string> = new Map();
  private readonly onDecoded: WebAudioBackendOptions['onDecoded'];
  private context: AudioContext | null = null;
  private gain: GainNode | null = null;
  private volume: number;
  private pendingResume: Promise<void> | null = null;

  constructor(options: WebAudioBackendOptions = {}) {
    this.baseUrl = trimSlashes(options.baseUrl ?? defaultBaseUrl());
    this.overrideBaseUrl = options.overrideBaseUrl ? trimSlashes(options.overrideBaseUrl) : null;
    this.extension = options.extension ?? 'ogg';
    this.overrideExtensions = options.overrideExtensions ?? DEFAULT_OVERRIDE_EXTENSIONS;
    this.createContext = options.createContext ?? (() => new AudioContext());
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.resumeTimeoutMs = options.resumeTimeoutMs ?? 1500;
    this.volume = options.volume ?? 1;
    this.onDecoded = options.onDecoded;
  }

  /**
   * The center's recorded clips (clip id → URL). A clip whose URL changed, appeared or
   * went is decoded again on its next use; returns those ids so the caller can preload.
   */
  useCenterClips(urls: ReadonlyMap<string, string>): string[] {
    const changed = [...new Set([...this.centerClips.keys(), ...urls.keys()])].filter((id) => this.centerClips.get(id) !== urls.get(id));
    this.centerClips = new Map(urls);
    for (const id of changed) this.buffers.delete(id);
    return changed;
  }

  /** URLs tried for a clip, in order. */
  candidateUrls(clipId: string): string[] {
    const folder = clipFolder(clipId);
    const urls: string[] = [];
    const center = this.centerClips.get(clipId);
    if (center !== undefined) urls.push(center);
    if (this.overrideBaseUrl !== null) {
      for (const ext of this.overrideExtensions) urls.push(`${this.overrideBaseUrl}/${folder}/${clipId}.${ext}`);
    }
    urls.push(`${this.baseUrl}/voice/${folder}/${clipId}.${this.extension}`);
    return urls;
  }

  async load(clipId: string): Promise<void> {
    await this.buffer(clipId);
  }

  async play(clipId: string): Promise<void> {
    const buffer = await this.buffer(clipId);
    const context = await this.runningContext();
    const output = this.output(context);
    await new Promise<void>((resolve) => {
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(output);
      // onended never fires if the context is suspended mid-clip (audio device
      // unplugged, OS sleep); the timer keeps the queue moving in that case.
      const guard = setTimeout(finish, buffer.duration * 1000 + 1000);
      function finish(): void {
        clearTimeout(guard);
        source.onended = null;
        source.disconnect();
        resolve();
      }
      source.onended = finish;
      source.start();
    });
  }

  setVolume(volume: number): void {
    this.volume = volume;
    if (this.gain) this.gain.gain.value = volume;
  }

  /**
   * Call from a user gesture (a click on "Bật âm thanh") where the browser's
   * autoplay policy keeps audio suspended; Electron windows disable that policy.
   */
  async unlock(): Promise<void> {
    await this.ensureContext().resume();
  }

  /** Forgets the decoded clips, e.g. after a center dropped in new override files. */
  clearCache(): void {
    this.buffers.clear();
  }

  private buffer(clipId: string): Promise<AudioBuffer> {
    let cached = this.buffers.get(clipId);
    if (!cached) {
      cached = this.fetchAndDecode(clipId);
      this.buffers.set(clipId, cached);
      // Do not cache failures: the file may be fixed or added while the board runs.
      cached.catch(() => {
        if (this.buffers.get(clipId) === cached) this.buffers.delete(clipId);
      });
    }
    return cached;
  }

  private async fetchAndDecode(clipId: string): Promise<AudioBuffer> {
    const context = this.ensureContext();
    const failures: string[] = [];
    for (const url of this.candidateUrls(clipId)) {
      try {
        const response = await this.fetchFn(url);
        if (!response.ok) {
          failures.push(`${url}: HTTP ${response.status}`);
          continue;
        }
        // A broken center or override file falls through to the shipped clip instead of a gap.
        const decoded = await context.decodeAudioData(await response.arrayBuffer());
        this.onDecoded?.(clipId, url, decoded);
        return decoded;
      } catch (error) {
        failures.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    throw new Error(`voice clip "${clipId}" unavailable (${failures.join('; ')})`);
  }

  private ensureContext(): AudioContext {
    if (!this.context) {
      this.context = this.createContext();
    }
    return this.context;
  }

  private output(context: AudioContext): GainNode {
    if (!this.gain) {
      this.gain = context.createGain();
      this.gain.gain.value = this.volume;
      this.gain.connect(context.destination);
    }
    return this.gain;
  }

  private async runningContext(): Promise<AudioContext> {
    const context = this.ensureContext();
    if (context.state === 'running') return context;
    // One resume attempt at a time: while the browser still blocks audio, later
    // clips fail at once instead of each waiting for the timeout.
    if (this.pendingResume) throw new Error('audio output is blocked until a user gesture (autoplay policy)');
    const resume = context.resume().finally(() => {
      if (this.pendingResume === resume) this.pendingResume = null;
    });
    this.pendingResume = resume;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      resume,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.resumeTimeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    if ((context.state as AudioContextState) !== 'running') {
      throw new Error(`audio output is ${context.state}: blocked until a user gesture (autoplay policy)`);
    }
    return context;
  }
}
