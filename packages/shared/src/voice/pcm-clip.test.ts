import { describe, expect, it } from 'vitest';
import { clipLevels, durationMs, encodeWav, fromFloat, parseWav, PcmClipError, prepareVoiceClip, trimSilence, type PcmClip } from './pcm-clip.js';

const RATE = 16_000;

/** `silenceMs` of silence, `toneMs` of a 220 Hz tone at `amplitude`, `silenceMs` of silence again. */
function take(toneMs: number, amplitude: number, silenceMs = 400, rate = RATE): Float32Array {
  const silent = Math.round((rate * silenceMs) / 1000);
  const tone = Math.round((rate * toneMs) / 1000);
  const out = new Float32Array(silent * 2 + tone);
  for (let i = 0; i < tone; i++) out[silent + i] = amplitude * Math.sin((2 * Math.PI * 220 * i) / rate);
  return out;
}

function wavBytes(options: { tag: number; bits: number; channels: number; rate: number; frames: number; write(view: DataView, at: number, frame: number, channel: number): void }): Uint8Array {
  const width = options.bits / 8;
  const bytes = new Uint8Array(44 + options.frames * options.channels * width);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, options.tag, true);
  view.setUint16(22, options.channels, true);
  view.setUint32(24, options.rate, true);
  view.setUint32(28, options.rate * options.channels * width, true);
  view.setUint16(32, options.channels * width, true);
  view.setUint16(34, options.bits, true);
  text(36, 'data');
  view.setUint32(40, options.frames * options.channels * width, true);
  for (let f = 0; f < options.frames; f++) for (let c = 0; c < options.channels; c++) options.write(view, 44 + (f * options.channels + c) * width, f, c);
  return bytes;
}

function problemOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof PcmClipError ? error.problem : `not a PcmClipError: ${String(error)}`;
  }
}

describe('voice clip WAV reading and writing', () => {
  it('round-trips 16-bit mono PCM exactly', () => {
    const clip: PcmClip = { sampleRate: 22_050, samples: Int16Array.from([0, 1, -1, 32767, -32768, 1234]) };
    expect(parseWav(encodeWav(clip))).toEqual({ sampleRate: 22_050, samples: Int16Array.from([0, 1, -1, 32767, -32768, 1234]) });
  });

  it('mixes stereo down to mono and reads 24-bit and 32-bit float files', () => {
    const stereo = wavBytes({ tag: 1, bits: 16, channels: 2, rate: 8000, frames: 2, write: (v, at, f, c) => v.setInt16(at, c === 0 ? 16384 : 0, true) });
    expect(Array.from(parseWav(stereo).samples)).toEqual([8192, 8192]);
    const deep = wavBytes({ tag: 1, bits: 24, channels: 1, rate: 8000, frames: 1, write: (v, at) => { v.setUint8(at, 0); v.setUint8(at + 1, 0); v.setInt8(at + 2, -64); } });
    expect(Array.from(parseWav(deep).samples)).toEqual([-16384]);
    const float = wavBytes({ tag: 3, bits: 32, channels: 1, rate: 48_000, frames: 2, write: (v, at, f) => v.setFloat32(at, f === 0 ? 0.5 : -2, true) });
    expect(parseWav(float)).toEqual({ sampleRate: 48_000, samples: Int16Array.from([16384, -32768]) });
  });

  it('refuses what is not a WAV file, and WAV encodings it cannot read', () => {
    expect(problemOf(() => parseWav(new TextEncoder().encode('<html>not audio at all, but long enough to have a header</html>')))).toBe('not-wav');
    expect(problemOf(() => parseWav(new Uint8Array(10)))).toBe('not-wav');
    const adpcm = wavBytes({ tag: 2, bits: 4 * 2, channels: 1, rate: 8000, frames: 4, write: () => {} });
    expect(problemOf(() => parseWav(adpcm))).toBe('format-unsupported');
    const tooFast = wavBytes({ tag: 1, bits: 16, channels: 1, rate: 96_000, frames: 4, write: () => {} });
    expect(problemOf(() => parseWav(tooFast))).toBe('format-unsupported');
    const surround = wavBytes({ tag: 1, bits: 16, channels: 6, rate: 8000, frames: 1, write: () => {} });
    expect(problemOf(() => parseWav(surround))).toBe('format-unsupported');
  });
});

describe('preparing a take', () => {
  it('trims the silence around the speech but keeps the speech whole', () => {
    const clip = fromFloat([take(800, 0.3)], RATE);
    expect(durationMs(clip)).toBe(1600);
    const trimmed = trimSilence(clip);
    // 800 ms of tone plus at most 40 ms of padding on each side (10 ms frames).
    expect(durationMs(trimmed)).toBeGreaterThanOrEqual(800);
    expect(durationMs(trimmed)).toBeLessThanOrEqual(900);
  });

  it('brings a quiet take and a loud take to the same loudness, the peak under -1 dBFS', () => {
    const quiet = clipLevels(prepareVoiceClip(fromFloat([take(600, 0.02)], RATE)));
    const loud = clipLevels(prepareVoiceClip(fromFloat([take(600, 0.9)], RATE)));
    // A sine's RMS is 3 dB under its peak: the peak ceiling (-1 dBFS) binds before the -18 dB target.
    expect(Math.abs(quiet.speechRmsDb - loud.speechRmsDb)).toBeLessThan(0.5);
    for (const clip of [quiet, loud]) {
      expect(clip.speechRmsDb).toBeGreaterThan(-19);
      expect(clip.speechRmsDb).toBeLessThan(-17);
    }
    const samples = prepareVoiceClip(fromFloat([take(600, 0.9)], RATE)).samples;
    expect(Math.max(...Array.from(samples, Math.abs)) / 32768).toBeLessThanOrEqual(10 ** (-1 / 20) + 1e-4);
  });

  it('refuses silence, a click and a speech longer than any phrase', () => {
    expect(problemOf(() => prepareVoiceClip(fromFloat([new Float32Array(RATE)], RATE)))).toBe('silent');
    expect(problemOf(() => prepareVoiceClip(fromFloat([take(1000, 0.003)], RATE)))).toBe('silent');
    expect(problemOf(() => prepareVoiceClip(fromFloat([take(50, 0.5)], RATE)))).toBe('too-short');
    expect(problemOf(() => prepareVoiceClip(fromFloat([take(7000, 0.5)], RATE)))).toBe('too-long');
    expect(problemOf(() => prepareVoiceClip(fromFloat([take(1500, 0.5)], RATE)))).toBeNull();
  });
});
