import type Database from 'better-sqlite3';

export interface StoredVoiceClip {
  clipId: string;
  durationMs: number;
  version: number;
  recordedAt: number;
  recordedBy: string | null;
}

interface Row {
  clip_id: string;
  duration_ms: number;
  version: number;
  recorded_at: number;
  recorded_by: string | null;
}

const toClip = (row: Row): StoredVoiceClip => ({ clipId: row.clip_id, durationMs: row.duration_ms, version: row.version, recordedAt: row.recorded_at, recordedBy: row.recorded_by });

/** The center's recorded clips (migration 012). Writes bump the set version in the same statement batch; callers wrap them in a transaction. */
export class VoiceClipStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      list: db.prepare<[], Row>('SELECT clip_id, duration_ms, version, recorded_at, recorded_by FROM voice_clips ORDER BY clip_id'),
      wav: db.prepare<[string], { wav: Buffer; version: number }>('SELECT wav, version FROM voice_clips WHERE clip_id = ?'),
      setVersion: db.prepare<[], { version: number }>('SELECT version FROM voice_set WHERE id = 1'),
      bump: db.prepare<[], { version: number }>('UPDATE voice_set SET version = version + 1 WHERE id = 1 RETURNING version'),
      upsert: db.prepare(
        `INSERT INTO voice_clips (clip_id, wav, duration_ms, version, recorded_at, recorded_by) VALUES (@clipId, @wav, @durationMs, @version, @recordedAt, @recordedBy)
         ON CONFLICT (clip_id) DO UPDATE SET wav = excluded.wav, duration_ms = excluded.duration_ms, version = excluded.version, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
      ),
      remove: db.prepare<[string]>('DELETE FROM voice_clips WHERE clip_id = ?'),
    };
  }

  list(): StoredVoiceClip[] {
    return this.stmt.list.all().map(toClip);
  }

  version(): number {
    return this.stmt.setVersion.get()!.version;
  }

  wav(clipId: string): { wav: Buffer; version: number } | null {
    return this.stmt.wav.get(clipId) ?? null;
  }

  /** Saves a take; returns the clip's new version. */
  save(clip: { clipId: string; wav: Uint8Array; durationMs: number; recordedAt: number; recordedBy: string | null }): number {
    const { version } = this.stmt.bump.get()!;
    this.stmt.upsert.run({ ...clip, wav: Buffer.from(clip.wav.buffer, clip.wav.byteOffset, clip.wav.byteLength), version });
    return version;
  }

  /** Removes a take (the shipped clip plays again); false when there was none. */
  remove(clipId: string): boolean {
    if (this.stmt.remove.run(clipId).changes === 0) return false;
    this.stmt.bump.get();
    return true;
  }
}
