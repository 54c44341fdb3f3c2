import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { voiceManifestSchema, type VoiceManifest } from '@layso/shared';
import { clipLevels, durationMs, encodeWav, fromFloat, parseWav } from '@layso/shared/voice';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => {
  await hub.stop();
});

const RATE = 22_050;

/** A take as a browser would send it: silence, a quiet 700 ms tone, silence. */
function takeBase64(toneMs = 700, amplitude = 0.05): string {
  const silent = Math.round(RATE * 0.5);
  const tone = Math.round((RATE * toneMs) / 1000);
  const samples = new Float32Array(silent * 2 + tone);
  for (let i = 0; i < tone; i++) samples[silent + i] = amplitude * Math.sin((2 * Math.PI * 180 * i) / RATE);
  return Buffer.from(encodeWav(fromFloat([samples], RATE))).toString('base64');
}

async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; json: unknown; bytes: Buffer }> {
  const response = await fetch(`${hub.url}${path}`, {
    method,
    headers: { ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}), ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  let json: unknown = null;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    // audio
  }
  return { status: response.status, json, bytes };
}

async function manifest(): Promise<VoiceManifest> {
  const { status, json } = await call('GET', '/api/voice');
  expect(status).toBe(200);
  return voiceManifestSchema.parse(json);
}

describe('the center voice over HTTP', () => {
  it('stores a take trimmed and normalised, lists it, serves it, and removes it', async () => {
    expect(await manifest()).toEqual({ version: 0, clips: [] });
    const admin = hub.token('admin');
    const saved = await call('PUT', '/api/admin/voice/clips/den-quay-so', { token: admin, body: { wavBase64: takeBase64() } });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ clipId: 'den-quay-so', version: 1 });

    const listed = await manifest();
    expect(listed.version).toBe(1);
    expect(listed.clips.map((c) => [c.id, c.version])).toEqual([['den-quay-so', 1]]);

    const served = await call('GET', `/api/voice/clips/den-quay-so.wav?v=${listed.clips[0]!.version}`);
    expect(served.status).toBe(200);
    const clip = parseWav(new Uint8Array(served.bytes));
    // 1,7 s sent; the half-second silences are gone, the tone is whole and brought up to -18 dB.
    expect(durationMs(clip)).toBeGreaterThanOrEqual(700);
    expect(durationMs(clip)).toBeLessThan(800);
    expect(listed.clips[0]!.durationMs).toBe(durationMs(clip));
    expect(clipLevels(clip).speechRmsDb).toBeGreaterThan(-19);

    // Recording again moves the versions (screens fetch the new take).
    await call('PUT', '/api/admin/voice/clips/den-quay-so', { token: admin, body: { wavBase64: takeBase64(900) } });
    expect((await manifest()).clips[0]!.version).toBe(2);

    const audit = await call('GET', '/api/admin/audit?kind=voice', { token: admin });
    const entries = (audit.json as { entries: { action: string; target: string; targetName: string | null }[] }).entries;
    expect(entries.map((e) => [e.action, e.target, e.targetName])).toEqual([
      ['voice.record', 'voice:den-quay-so', '«đến quầy số»'],
      ['voice.record', 'voice:den-quay-so', '«đến quầy số»'],
    ]);

    expect((await call('DELETE', '/api/admin/voice/clips/den-quay-so', { token: admin })).status).toBe(204);
    expect(await manifest()).toEqual({ version: 3, clips: [] });
    expect((await call('GET', '/api/voice/clips/den-quay-so.wav')).status).toBe(404);
    const again = await call('DELETE', '/api/admin/voice/clips/den-quay-so', { token: admin });
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ error: { code: 'NOT_FOUND', reason: { kind: 'voice-clip-unknown', clipId: 'den-quay-so' } } });
  });

  it('lets only the admin record, and refuses bad takes with a reason, changing nothing', async () => {
    const body = { wavBase64: takeBase64() };
    expect((await call('PUT', '/api/admin/voice/clips/quay', { body })).status).toBe(401);
    expect((await call('PUT', '/api/admin/voice/clips/quay', { token: hub.token('kiosk'), body })).status).toBe(403);
    expect((await call('DELETE', '/api/admin/voice/clips/quay', { token: hub.token('display') })).status).toBe(403);

    const admin = hub.token('admin');
    const refusals: [string, unknown, number, string][] = [
      ['not-a-clip', body, 404, 'voice-clip-unknown'],
      ['quay', { wavBase64: Buffer.from('<html>hello</html>'.repeat(10)).toString('base64') }, 400, 'voice-not-wav'],
      ['quay', { wavBase64: Buffer.from(encodeWav(fromFloat([new Float32Array(RATE)], RATE))).toString('base64') }, 400, 'voice-silent'],
      ['quay', { wavBase64: takeBase64(20, 0.5) }, 400, 'voice-too-short'],
      ['quay', { wavBase64: takeBase64(6500, 0.5) }, 400, 'voice-too-long'],
    ];
    for (const [clip, refused, status, kind] of refusals) {
      const response = await call('PUT', `/api/admin/voice/clips/${clip}`, { token: admin, body: refused });
      expect([clip, kind, response.status]).toEqual([clip, kind, status]);
      expect((response.json as { error: { reason?: { kind: string } } }).error.reason?.kind).toBe(kind);
    }
    expect((await call('PUT', '/api/admin/voice/clips/quay', { token: admin, body: { nope: 1 } })).status).toBe(400);
    // A body past the route's limit is refused before it is buffered.
    const huge = await call('PUT', '/api/admin/voice/clips/quay', { token: admin, body: { wavBase64: 'A'.repeat(3_000_000) } });
    expect(huge.status).toBe(413);
    // Other routes keep the small default limit.
    expect((await call('PUT', '/api/admin/settings', { token: admin, body: { pad: 'x'.repeat(100_000) } })).status).toBe(413);
    expect(await manifest()).toEqual({ version: 0, clips: [] });
    expect((await call('GET', '/api/voice/clips/..%2Fetc.wav')).status).toBe(400);
  });
});
