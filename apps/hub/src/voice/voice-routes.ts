import { z } from 'zod';
import { VOICE_UPLOAD_BASE64_CHARS, voiceClipUploadSchema } from '@layso/shared';
import { auditActor } from '../auth/audit-actor.js';
import { route, type Route } from '../http/router.js';
import type { VoiceService } from './voice-service.js';

const adminOnly = { roles: ['admin'] as const };
const clipParam = z.strictObject({ clip: z.string().max(100) });
const clipFileParam = z.strictObject({ file: z.string().regex(/^[a-z0-9-]{1,80}\.wav$/) });
/** The largest WAV the hub takes, as base64 in JSON, with room for the field name. */
const UPLOAD_BODY_BYTES = VOICE_UPLOAD_BASE64_CHARS + 1024;

/**
 * The center's voice: the manifest and the clips are public (a board plays them before
 * anyone signs in, like the shipped clips); recording and removing are the admin's.
 */
export function buildVoiceRoutes(voice: VoiceService): Route[] {
  return [
    route({ method: 'GET', path: '/api/voice', access: 'public', handle: () => ({ body: voice.manifest() }) }),
    route({
      method: 'GET',
      path: '/api/voice/clips/:file',
      access: 'public',
      params: clipFileParam,
      query: z.object({ v: z.string().max(20).optional() }),
      handle: ({ params }) => {
        const clipId = params.file.slice(0, -'.wav'.length);
        return { file: { contentType: 'audio/wav', fileName: params.file, data: voice.recordedWav(clipId) } };
      },
    }),
    route({
      method: 'PUT',
      path: '/api/admin/voice/clips/:clip',
      access: adminOnly,
      params: clipParam,
      body: voiceClipUploadSchema,
      maxBodyBytes: UPLOAD_BODY_BYTES,
      handle: ({ params, body, device }) => ({ body: voice.record(params.clip, body.wavBase64, auditActor(device)) }),
    }),
    route({
      method: 'DELETE',
      path: '/api/admin/voice/clips/:clip',
      access: adminOnly,
      params: clipParam,
      handle: ({ params, device }) => {
        voice.remove(params.clip, auditActor(device));
        return { status: 204 };
      },
    }),
  ];
}
