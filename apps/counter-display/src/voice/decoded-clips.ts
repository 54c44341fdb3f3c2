/** What a screen decoded for each clip, kept on window for the e2e tests (like __laysoAnnouncements). */
export interface DecodedClip {
  url: string;
  durationS: number;
  /** Largest absolute sample of the first channel: 0 means the clip is silence. */
  peak: number;
}

declare global {
  interface Window {
    __laysoDecodedClips?: Record<string, DecodedClip>;
  }
}

export function noteDecodedClip(clipId: string, url: string, buffer: AudioBuffer): void {
  let peak = 0;
  const samples = buffer.getChannelData(0);
  for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i]!));
  (window.__laysoDecodedClips ??= {})[clipId] = { url, durationS: buffer.duration, peak };
}
