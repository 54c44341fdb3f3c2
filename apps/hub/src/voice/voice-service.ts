import { ErrorCode, isClipId, voiceTakeRefusal, type VoiceManifest } from '@layso/shared';
import { encodeWav, parseWav, PcmClipError, prepareVoiceClip, durationMs, VOICE_CLIP_LIMITS } from '@layso/shared/voice';
import { DomainError } from '../queue/domain-error.js';
import type { Clock } from '../queue/ports.js';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import type { TransactionRunner } from '../store/transaction-runner.js';
import type { VoiceClipStore } from './voice-clip-store.js';

function unknownClip(clipId: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `no clip "${clipId}" in the announcement vocabulary`, undefined, { kind: 'voice-clip-unknown', clipId: clipId.slice(0, 200) });
}

/** A clip with no center recording; the console's removal words it, a screen's fetch only needs the 404. */
function noRecording(clipId: string, reason = false): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `clip "${clipId}" has no center recording`, undefined, reason ? { kind: 'voice-clip-unknown', clipId } : undefined);
}

/**
 * The center's voice set: a take is validated (WAV, length, not silence), trimmed and
 * loudness-normalised here whatever the console already did, stored with its audit
 * entry in one transaction, and listed in the manifest screens poll.
 */
export class VoiceService {
  constructor(
    private readonly store: VoiceClipStore,
    private readonly transaction: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditLogStore,
  ) {}

  manifest(): VoiceManifest {
    return {
      version: this.store.version(),
      clips: this.store.list().map((clip) => ({
        id: clip.clipId,
        durationMs: clip.durationMs,
        version: clip.version,
        recordedAt: new Date(clip.recordedAt).toISOString(),
        recordedBy: clip.recordedBy,
      })),
    };
  }

  /** The stored WAV of a recorded clip; a clip with no recording is a 404 (the screen plays the shipped one). */
  recordedWav(clipId: string): Buffer {
    const stored = isClipId(clipId) ? this.store.wav(clipId) : null;
    if (!stored) throw noRecording(clipId);
    return stored.wav;
  }

  record(clipId: string, wavBase64: string, actor: string): { clipId: string; durationMs: number; version: number } {
    if (!isClipId(clipId)) throw unknownClip(clipId);
    const bytes = Buffer.from(wavBase64, 'base64');
    if (bytes.length > VOICE_CLIP_LIMITS.maxWavBytes) throw new DomainError(ErrorCode.TOO_LARGE, `the WAV file exceeds ${VOICE_CLIP_LIMITS.maxWavBytes} bytes`);
    let prepared;
    try {
      prepared = prepareVoiceClip(parseWav(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    } catch (error) {
      if (error instanceof PcmClipError) throw new DomainError(ErrorCode.VALIDATION, error.message, undefined, voiceTakeRefusal(error.problem));
      throw error;
    }
    const now = this.clock.now();
    const length = durationMs(prepared);
    const version = this.transaction(() => {
      const saved = this.store.save({ clipId, wav: encodeWav(prepared), durationMs: length, recordedAt: now, recordedBy: actor });
      this.audit.record({ actor, action: 'voice.record', target: `voice:${clipId}`, after: { durationMs: length, sampleRate: prepared.sampleRate } }, now);
      return saved;
    });
    return { clipId, durationMs: length, version };
  }

  /** Back to the shipped clip. Removing a clip that was never recorded is refused (nothing to undo). */
  remove(clipId: string, actor: string): void {
    if (!isClipId(clipId)) throw unknownClip(clipId);
    const now = this.clock.now();
    this.transaction(() => {
      if (!this.store.remove(clipId)) throw noRecording(clipId, true);
      this.audit.record({ actor, action: 'voice.delete', target: `voice:${clipId}` }, now);
    });
  }
}
