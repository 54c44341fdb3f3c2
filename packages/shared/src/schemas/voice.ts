import { z } from 'zod';
import { VOICE_CLIP_LIMITS, type PcmClipProblem } from '../voice/pcm-clip.js';
import type { Refusal } from './refusal.js';

/**
 * The center's own voice: the clips its administrator recorded (GET /api/voice). A
 * board plays a listed clip from `/api/voice/clips/<id>.wav?v=<version>` and the
 * shipped clip for every id not listed. `version` changes on every recording or
 * removal, so a screen that polls the manifest knows when to fetch again.
 */
export const voiceClipSchema = z.strictObject({
  id: z.string().max(80),
  durationMs: z.number().int().nonnegative(),
  /** Changes each time this clip is recorded again: part of its URL, so no cache serves the old take. */
  version: z.number().int().positive(),
  recordedAt: z.string(),
  recordedBy: z.string().max(200).nullable(),
});
export type VoiceClip = z.infer<typeof voiceClipSchema>;

export const voiceManifestSchema = z.strictObject({
  version: z.number().int().nonnegative(),
  clips: z.array(voiceClipSchema).max(500),
});
export type VoiceManifest = z.infer<typeof voiceManifestSchema>;

/** The longest base64 text of a WAV file the hub takes (VOICE_CLIP_LIMITS.maxWavBytes). */
export const VOICE_UPLOAD_BASE64_CHARS = Math.ceil(VOICE_CLIP_LIMITS.maxWavBytes / 3) * 4;

/** PUT /api/admin/voice/clips/:clip — a WAV file, base64 in JSON (the hub's one body format). */
export const voiceClipUploadSchema = z.strictObject({
  wavBase64: z.string().min(1).max(VOICE_UPLOAD_BASE64_CHARS),
});
export type VoiceClipUpload = z.infer<typeof voiceClipUploadSchema>;

/** The URL a screen fetches a center clip from (the version busts every cache on a new take). */
export function voiceClipPath(clip: Pick<VoiceClip, 'id' | 'version'>): string {
  return `/api/voice/clips/${encodeURIComponent(clip.id)}.wav?v=${clip.version}`;
}

/** How often a board or door screen looks for a new voice set. */
export const VOICE_MANIFEST_POLL_MS = 60_000;

/** Why a take was refused, as the structured reason both the hub and the console word. */
export function voiceTakeRefusal(problem: PcmClipProblem): Refusal {
  switch (problem) {
    case 'not-wav':
      return { kind: 'voice-not-wav' };
    case 'format-unsupported':
      return { kind: 'voice-format-unsupported' };
    case 'too-short':
      return { kind: 'voice-too-short', minMs: VOICE_CLIP_LIMITS.minDurationMs };
    case 'too-long':
      return { kind: 'voice-too-long', maxMs: VOICE_CLIP_LIMITS.maxDurationMs };
    case 'silent':
      return { kind: 'voice-silent' };
  }
}
