/**
 * A take of one clip in the browser: recorded from the microphone (MediaRecorder) or
 * read from a file, decoded by Web Audio, then trimmed and levelled by the same code the
 * hub runs (prepareVoiceClip), so the administrator hears what will be stored.
 */
import { durationMs, encodeWav, fromFloat, PcmClipError, prepareVoiceClip } from '@layso/shared/voice';

export interface Take {
  wav: Uint8Array;
  durationMs: number;
}

export type TakeFailure = { kind: 'no-microphone' } | { kind: 'cannot-decode' } | { kind: 'refused'; error: PcmClipError };

export class TakeError extends Error {
  constructor(readonly failure: TakeFailure) {
    super(failure.kind);
  }
}

/** Decodes any audio the browser can read and prepares it as the hub would. */
export async function takeFromAudio(data: ArrayBuffer): Promise<Take> {
  const context = new AudioContext();
  let decoded: AudioBuffer;
  try {
    decoded = await context.decodeAudioData(data);
  } catch {
    throw new TakeError({ kind: 'cannot-decode' });
  } finally {
    void context.close();
  }
  const channels = Array.from({ length: decoded.numberOfChannels }, (_, i) => decoded.getChannelData(i));
  try {
    const clip = prepareVoiceClip(fromFloat(channels, decoded.sampleRate));
    return { wav: encodeWav(clip), durationMs: durationMs(clip) };
  } catch (error) {
    if (error instanceof PcmClipError) throw new TakeError({ kind: 'refused', error });
    throw error;
  }
}

export interface Recording {
  /** Stops the microphone and resolves with the prepared take. */
  stop(): Promise<Take>;
  /** Stops the microphone and drops what was recorded. */
  cancel(): void;
}

export async function startRecording(): Promise<Recording> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: true, autoGainControl: false } });
  } catch {
    throw new TakeError({ kind: 'no-microphone' });
  }
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  const stopped = new Promise<void>((resolve) => {
    recorder.onstop = () => resolve();
  });
  const release = () => stream.getTracks().forEach((track) => track.stop());
  recorder.start();
  return {
    async stop() {
      if (recorder.state !== 'inactive') recorder.stop();
      await stopped;
      release();
      return takeFromAudio(await new Blob(chunks, { type: recorder.mimeType }).arrayBuffer());
    },
    cancel() {
      if (recorder.state !== 'inactive') recorder.stop();
      release();
    },
  };
}

/** Base64 of bytes, in chunks (String.fromCharCode(...all) overflows the stack on a long take). */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Plays a take once through Web Audio (a blob: URL in <audio> is outside the console's CSP). */
export async function playWav(wav: Uint8Array): Promise<void> {
  const context = new AudioContext();
  try {
    const buffer = await context.decodeAudioData(wav.slice().buffer);
    await new Promise<void>((resolve) => {
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      source.onended = () => resolve();
      source.start();
    });
  } finally {
    void context.close();
  }
}

/** The microphone needs a secure page: HTTPS, or the hub's own screen (localhost). */
export function canRecord(): boolean {
  return typeof window !== 'undefined' && window.isSecureContext && !!navigator.mediaDevices?.getUserMedia && typeof MediaRecorder !== 'undefined';
}
