/**
 * A center's own announcement clip, from whatever the browser recorded or the
 * administrator uploaded to what every board plays: 16-bit PCM mono WAV, leading and
 * trailing silence trimmed, loudness normalised so no clip is quieter or louder than
 * the rest of the sentence it is chained into.
 *
 * Pure (typed arrays only, no Buffer or Web Audio): the admin console runs it to let
 * the administrator hear the trimmed take before keeping it, and the hub runs it
 * again on every upload, so what is stored holds whatever a client sent.
 */

/** Mono 16-bit samples at a sample rate. */
export interface PcmClip {
  sampleRate: number;
  samples: Int16Array;
}

export const VOICE_CLIP_LIMITS = {
  minSampleRate: 8_000,
  maxSampleRate: 48_000,
  /** After trimming: a digit is ~0,3 s; shorter is a click, not a word. */
  minDurationMs: 150,
  /** After trimming: the longest phrase ("Xin mời công dân có số thứ tự") is ~2,5 s. */
  maxDurationMs: 6_000,
  /** The uploaded WAV, before trimming (a 10 s stereo take at 48 kHz, with headroom). */
  maxWavBytes: 2 * 1024 * 1024,
} as const;

/** Loudness every stored clip is brought to (RMS of its speech), capped by the peak. */
const TARGET_RMS_DB = -18;
const PEAK_CEILING_DB = -1;
/** Speech starts where a 10 ms frame is within this of the loudest frame… */
const TRIM_BELOW_LOUDEST_DB = 35;
/** …and above this absolute floor (room noise on a cheap microphone). */
const TRIM_FLOOR_DB = -50;
/** A take whose loudest frame is below this is silence (or a muted microphone). */
const SILENT_DB = -45;
/** Kept around the speech so the first consonant and the last vowel are not clipped. */
const TRIM_PAD_MS = 40;

export type PcmClipProblem = 'not-wav' | 'format-unsupported' | 'too-short' | 'too-long' | 'silent';

export class PcmClipError extends Error {
  constructor(
    readonly problem: PcmClipProblem,
    message: string,
  ) {
    super(message);
    this.name = 'PcmClipError';
  }
}

function ascii(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/**
 * Reads a RIFF/WAVE file: PCM 8/16/24/32-bit or 32-bit float, 1–2 channels (stereo is
 * mixed down). Refuses anything else with a reason the console can word.
 */
export function parseWav(bytes: Uint8Array): PcmClip {
  if (bytes.length < 44 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') throw new PcmClipError('not-wav', 'not a RIFF/WAVE file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: { tag: number; channels: number; sampleRate: number; bits: number } | null = null;
  let data: { at: number; size: number } | null = null;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= bytes.length) {
      let tag = view.getUint16(body, true);
      if (tag === WAVE_FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= bytes.length) tag = view.getUint16(body + 24, true);
      format = { tag, channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      data = { at: body, size: Math.min(size, bytes.length - body) };
      break;
    }
    at = body + size + (size % 2);
  }
  if (!format || !data) throw new PcmClipError('not-wav', 'the WAV file has no fmt or data chunk');
  const { tag, channels, sampleRate, bits } = format;
  const integer = tag === WAVE_FORMAT_PCM && [8, 16, 24, 32].includes(bits);
  const float = tag === WAVE_FORMAT_FLOAT && bits === 32;
  if (!(integer || float) || channels < 1 || channels > 2) {
    throw new PcmClipError('format-unsupported', `unsupported WAV format (tag ${tag}, ${bits} bits, ${channels} channels)`);
  }
  if (sampleRate < VOICE_CLIP_LIMITS.minSampleRate || sampleRate > VOICE_CLIP_LIMITS.maxSampleRate) {
    throw new PcmClipError('format-unsupported', `sample rate ${sampleRate} Hz is outside ${VOICE_CLIP_LIMITS.minSampleRate}–${VOICE_CLIP_LIMITS.maxSampleRate}`);
  }
  const width = bits / 8;
  const frames = Math.floor(data.size / (width * channels));
  const read = (offset: number): number => {
    if (float) return view.getFloat32(offset, true);
    if (bits === 8) return (bytes[offset]! - 128) / 128;
    if (bits === 16) return view.getInt16(offset, true) / 32768;
    if (bits === 24) return ((view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getInt8(offset + 2) << 16)) as number) / 8388608;
    return view.getInt32(offset, true) / 2147483648;
  };
  const mixed = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += read(data.at + (i * channels + c) * width);
    mixed[i] = sum / channels;
  }
  return fromFloat([mixed], sampleRate);
}

/** Float channels (Web Audio's AudioBuffer) mixed to mono 16-bit. */
export function fromFloat(channels: readonly Float32Array[], sampleRate: number): PcmClip {
  const length = Math.min(...channels.map((c) => c.length));
  const samples = new Int16Array(Number.isFinite(length) ? length : 0);
  for (let i = 0; i < samples.length; i++) {
    let sum = 0;
    for (const channel of channels) sum += channel[i]!;
    const value = Number.isFinite(sum) ? sum / channels.length : 0;
    samples[i] = Math.max(-32768, Math.min(32767, Math.round(value * 32768)));
  }
  return { sampleRate, samples };
}

/** A canonical 44-byte-header PCM16 mono WAV. */
export function encodeWav(clip: PcmClip): Uint8Array {
  const bytes = new Uint8Array(44 + clip.samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, WAVE_FORMAT_PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, clip.sampleRate, true);
  view.setUint32(28, clip.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, clip.samples.length * 2, true);
  for (let i = 0; i < clip.samples.length; i++) view.setInt16(44 + i * 2, clip.samples[i]!, true);
  return bytes;
}

export function durationMs(clip: PcmClip): number {
  return Math.round((clip.samples.length / clip.sampleRate) * 1000);
}

function db(linear: number): number {
  return linear > 0 ? 20 * Math.log10(linear) : -Infinity;
}

/** RMS level (dBFS) of each 10 ms frame. */
function frameLevels(clip: PcmClip): { frame: number; levels: number[] } {
  const frame = Math.max(1, Math.round(clip.sampleRate / 100));
  const levels: number[] = [];
  for (let start = 0; start < clip.samples.length; start += frame) {
    const end = Math.min(clip.samples.length, start + frame);
    let sum = 0;
    for (let i = start; i < end; i++) sum += (clip.samples[i]! / 32768) ** 2;
    levels.push(db(Math.sqrt(sum / (end - start))));
  }
  return { frame, levels };
}

/** The loudest 10 ms frame's level, dBFS (-Infinity for digital silence). */
export function loudestFrameDb(clip: PcmClip): number {
  return Math.max(-Infinity, ...frameLevels(clip).levels);
}

/** The clip without the silence before and after the speech (a little padding kept). */
export function trimSilence(clip: PcmClip): PcmClip {
  const { frame, levels } = frameLevels(clip);
  const loudest = Math.max(-Infinity, ...levels);
  if (loudest < SILENT_DB) return clip;
  const threshold = Math.max(TRIM_FLOOR_DB, loudest - TRIM_BELOW_LOUDEST_DB);
  const first = levels.findIndex((level) => level >= threshold);
  const last = levels.length - 1 - [...levels].reverse().findIndex((level) => level >= threshold);
  const pad = Math.round((clip.sampleRate * TRIM_PAD_MS) / 1000);
  const start = Math.max(0, first * frame - pad);
  const end = Math.min(clip.samples.length, (last + 1) * frame + pad);
  return { sampleRate: clip.sampleRate, samples: clip.samples.slice(start, end) };
}

/** RMS of the speech frames (those within 20 dB of the loudest), dBFS. */
function speechRmsDb(clip: PcmClip): number {
  const { levels } = frameLevels(clip);
  const loudest = Math.max(-Infinity, ...levels);
  const speech = levels.filter((level) => level >= loudest - 20).map((level) => 10 ** (level / 10));
  return speech.length === 0 ? -Infinity : 10 * Math.log10(speech.reduce((a, b) => a + b, 0) / speech.length);
}

/** Brings the speech to TARGET_RMS_DB without letting the peak pass PEAK_CEILING_DB. */
export function normaliseLoudness(clip: PcmClip): PcmClip {
  let peak = 0;
  for (const sample of clip.samples) peak = Math.max(peak, Math.abs(sample) / 32768);
  const rms = speechRmsDb(clip);
  if (peak === 0 || !Number.isFinite(rms)) return clip;
  const gainDb = Math.min(TARGET_RMS_DB - rms, PEAK_CEILING_DB - db(peak));
  const gain = 10 ** (gainDb / 20);
  const samples = new Int16Array(clip.samples.length);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(Math.max(-32767, Math.min(32767, clip.samples[i]! * gain)));
  return { sampleRate: clip.sampleRate, samples };
}

/**
 * What is stored for a take: trimmed, checked (not silence, a sensible length) and
 * normalised. Throws PcmClipError with the problem to tell the administrator.
 */
export function prepareVoiceClip(clip: PcmClip): PcmClip {
  if (loudestFrameDb(clip) < SILENT_DB) throw new PcmClipError('silent', 'the take is silent (is the microphone muted?)');
  const trimmed = trimSilence(clip);
  const length = durationMs(trimmed);
  if (length < VOICE_CLIP_LIMITS.minDurationMs) throw new PcmClipError('too-short', `the speech lasts ${length} ms (at least ${VOICE_CLIP_LIMITS.minDurationMs})`);
  if (length > VOICE_CLIP_LIMITS.maxDurationMs) throw new PcmClipError('too-long', `the speech lasts ${length} ms (at most ${VOICE_CLIP_LIMITS.maxDurationMs})`);
  return normaliseLoudness(trimmed);
}

/** Levels of a prepared clip, for the console's list and for tests. */
export function clipLevels(clip: PcmClip): { durationMs: number; loudestFrameDb: number; speechRmsDb: number } {
  return { durationMs: durationMs(clip), loudestFrameDb: loudestFrameDb(clip), speechRmsDb: speechRmsDb(clip) };
}
