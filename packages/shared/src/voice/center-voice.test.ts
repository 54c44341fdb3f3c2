import { describe, expect, it } from 'vitest';
import type { VoiceManifest } from '../schemas/voice.js';
import { followCenterVoice } from './center-voice.js';

function hub(): { answer: (response: Response | Error) => void; fetch: typeof fetch; requests: string[] } {
  let next: Response | Error = new Response('{}', { status: 500 });
  const requests: string[] = [];
  return {
    answer: (response) => {
      next = response;
    },
    requests,
    fetch: async (input) => {
      requests.push(String(input));
      if (next instanceof Error) throw next;
      return next.clone();
    },
  };
}

const manifest = (version: number, clips: [string, number][]): Response =>
  Response.json({ version, clips: clips.map(([id, v]) => ({ id, version: v, durationMs: 800, recordedAt: '2026-12-04T02:00:00.000Z', recordedBy: 'admin:quantri' })) } satisfies VoiceManifest);

describe('followCenterVoice', () => {
  it('hands the backend the recorded clip URLs when the manifest version moves, and nothing otherwise', async () => {
    const server = hub();
    const applied: Map<string, string>[] = [];
    const changes: string[][] = [];
    const backend = {
      useCenterClips: (urls: ReadonlyMap<string, string>) => {
        const before = applied.at(-1) ?? new Map<string, string>();
        applied.push(new Map(urls));
        return [...new Set([...before.keys(), ...urls.keys()])].filter((id) => before.get(id) !== urls.get(id));
      },
    };
    server.answer(manifest(2, [['quay', 2], ['digit-8', 1]]));
    const voice = followCenterVoice({ backend, hubUrl: 'http://hub:8080/', fetch: server.fetch, intervalMs: 3_600_000, onChange: (ids) => changes.push(ids) });
    await voice.refresh();
    expect(server.requests[0]).toBe('http://hub:8080/api/voice');
    expect(applied).toEqual([new Map([['quay', 'http://hub:8080/api/voice/clips/quay.wav?v=2'], ['digit-8', 'http://hub:8080/api/voice/clips/digit-8.wav?v=1']])]);

    await voice.refresh(); // same version: untouched
    expect(applied).toHaveLength(1);

    for (const failure of [new Response('oops', { status: 503 }), new Response('not json'), Response.json({ version: 'x' }), new Error('offline')]) {
      server.answer(failure);
      await voice.refresh();
    }
    expect(applied).toHaveLength(1);

    server.answer(manifest(3, [['quay', 3], ['digit-8', 1]]));
    await voice.refresh();
    expect(applied).toHaveLength(2);
    expect(changes.at(-1)).toEqual(['quay']);
    voice.stop();
  });
});
