import { describe, expect, it } from 'vitest';
// Imported by path: the lead exports announcement.ts from @layso/shared's index.
import { CLIP_WORDS, clipLanguage, type ClipId } from '@layso/shared';
import { WebAudioBackend, clipFolder } from './web-audio-backend.js';

/** Just enough of AudioContext for the backend; sources end as soon as they start. */
class FakeAudioContext {
  state: AudioContextState = 'running';
  readonly destination = { kind: 'destination' };
  readonly started: string[] = [];
  readonly decoded: string[] = [];
  readonly gains: Array<{ gain: { value: number } }> = [];
  resumeResult: Promise<void> = Promise.resolve();

  resume(): Promise<void> {
    return this.resumeResult.then(() => {
      this.state = 'running';
    });
  }

  createGain() {
    const node = { gain: { value: 1 }, connect: () => {} };
    this.gains.push(node);
    return node;
  }

  createBufferSource() {
    const source = {
      buffer: null as { label: string; duration: number } | null,
      onended: null as (() => void) | null,
      connect: () => {},
      disconnect: () => {},
      start: () => {
        this.started.push(source.buffer!.label);
        queueMicrotask(() => source.onended?.());
      },
    };
    return source;
  }

  async decodeAudioData(data: ArrayBuffer) {
    const label = new TextDecoder().decode(data);
    if (label.startsWith('garbage')) throw new Error('Unable to decode audio data');
    this.decoded.push(label);
    return { label, duration: 0.5 };
  }
}

/** Serves `files` (URL → body); anything else is a 404. Logs every request. */
function fakeFetch(files: Record<string, string>, requests: string[]): typeof fetch {
  return async (input) => {
    const url = String(input);
    requests.push(url);
    const body = files[url];
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(body, { status: 200 });
  };
}

function setup(files: Record<string, string>, options: { overrideBaseUrl?: string; volume?: number } = {}) {
  const context = new FakeAudioContext();
  const requests: string[] = [];
  const backend = new WebAudioBackend({
    baseUrl: '/board/',
    createContext: () => context as unknown as AudioContext,
    fetch: fakeFetch(files, requests),
    resumeTimeoutMs: 10,
    ...options,
  });
  return { backend, context, requests };
}

describe('WebAudioBackend', () => {
  it('fetches <base>/voice/<language>/<clip-id>.ogg and plays the decoded clip', async () => {
    const { backend, context, requests } = setup({
      '/board/voice/vi/digit-8.ogg': 'vi digit-8',
      '/board/voice/en/en-digit-8.ogg': 'en digit-8',
    });
    await backend.play('digit-8');
    await backend.play('en-digit-8');
    expect(requests).toEqual(['/board/voice/vi/digit-8.ogg', '/board/voice/en/en-digit-8.ogg']);
    expect(context.started).toEqual(['vi digit-8', 'en digit-8']);
  });

  it('fetches and decodes each clip once', async () => {
    const { backend, context, requests } = setup({ '/board/voice/vi/chime.ogg': 'chime' });
    await backend.load('chime');
    await backend.play('chime');
    await backend.play('chime');
    expect(requests).toHaveLength(1);
    expect(context.decoded).toEqual(['chime']);
    expect(context.started).toEqual(['chime', 'chime']);
  });

  it('tries the override folder first, in extension order, then the shipped clip', async () => {
    const { backend, context, requests } = setup(
      {
        '/center/voice/vi/den-quay-so.wav': 'recorded den-quay-so',
        '/board/voice/vi/den-quay-so.ogg': 'shipped den-quay-so',
        '/board/voice/vi/chime.ogg': 'shipped chime',
      },
      { overrideBaseUrl: '/center/voice/' },
    );
    await backend.play('den-quay-so');
    await backend.play('chime');
    expect(context.started).toEqual(['recorded den-quay-so', 'shipped chime']);
    expect(requests).toEqual([
      '/center/voice/vi/den-quay-so.ogg',
      '/center/voice/vi/den-quay-so.wav',
      '/center/voice/vi/chime.ogg',
      '/center/voice/vi/chime.wav',
      '/center/voice/vi/chime.mp3',
      '/board/voice/vi/chime.ogg',
    ]);
  });

  it("plays the center's recording first, and decodes a clip again when its recording changes or goes", async () => {
    const files: Record<string, string> = {
      '/api/voice/clips/quay.wav?v=3': 'center quay v3',
      '/api/voice/clips/quay.wav?v=5': 'center quay v5',
      '/board/voice/vi/quay.ogg': 'shipped quay',
      '/board/voice/vi/chime.ogg': 'shipped chime',
    };
    const { backend, context } = setup(files);
    expect(backend.useCenterClips(new Map([['quay', '/api/voice/clips/quay.wav?v=3']]))).toEqual(['quay']);
    await backend.play('quay');
    await backend.play('chime');
    // The same manifest again changes nothing and keeps the decoded buffers.
    expect(backend.useCenterClips(new Map([['quay', '/api/voice/clips/quay.wav?v=3']]))).toEqual([]);
    await backend.play('quay');
    expect(backend.useCenterClips(new Map([['quay', '/api/voice/clips/quay.wav?v=5']]))).toEqual(['quay']);
    await backend.play('quay');
    expect(backend.useCenterClips(new Map())).toEqual(['quay']);
    await backend.play('quay');
    expect(context.started).toEqual(['center quay v3', 'shipped chime', 'center quay v3', 'center quay v5', 'shipped quay']);
    expect(context.decoded).toEqual(['center quay v3', 'shipped chime', 'center quay v5', 'shipped quay']);
  });

  it('falls back to the shipped clip when the center recording is gone from the hub', async () => {
    const { backend, context } = setup({ '/board/voice/vi/quay.ogg': 'shipped quay' });
    backend.useCenterClips(new Map([['quay', '/api/voice/clips/quay.wav?v=9']]));
    await backend.play('quay');
    expect(context.started).toEqual(['shipped quay']);
  });

  it('falls back to the shipped clip when an override file cannot be decoded', async () => {
    const { backend, context } = setup(
      { '/center/vi/chime.ogg': 'garbage', '/board/voice/vi/chime.ogg': 'shipped chime' },
      { overrideBaseUrl: '/center' },
    );
    await backend.play('chime');
    expect(context.started).toEqual(['shipped chime']);
  });

  it('rejects a missing clip with every URL it tried, and retries it later', async () => {
    const files: Record<string, string> = {};
    const { backend, context } = setup(files);
    await expect(backend.play('digit-1')).rejects.toThrow(/digit-1.*\/board\/voice\/vi\/digit-1\.ogg: HTTP 404/);
    files['/board/voice/vi/digit-1.ogg'] = 'digit-1';
    await backend.play('digit-1');
    expect(context.started).toEqual(['digit-1']);
  });

  it('plays through one gain node set to the volume', async () => {
    const { backend, context } = setup({ '/board/voice/vi/chime.ogg': 'chime' }, { volume: 0.3 });
    await backend.play('chime');
    expect(context.gains).toHaveLength(1);
    expect(context.gains[0]!.gain.value).toBe(0.3);
    backend.setVolume(0.8);
    expect(context.gains[0]!.gain.value).toBe(0.8);
  });

  it('resumes a suspended context before playing', async () => {
    const { backend, context } = setup({ '/board/voice/vi/chime.ogg': 'chime' });
    context.state = 'suspended';
    await backend.play('chime');
    expect(context.state).toBe('running');
    expect(context.started).toEqual(['chime']);
  });

  it('rejects instead of hanging while the autoplay policy blocks audio, and plays once unlocked', async () => {
    const { backend, context } = setup({ '/board/voice/vi/chime.ogg': 'chime' });
    context.state = 'suspended';
    let gesture!: () => void;
    context.resumeResult = new Promise((resolve) => {
      gesture = resolve;
    });
    await expect(backend.play('chime')).rejects.toThrow(/user gesture/);
    // While the first resume is still pending, further clips fail at once.
    await expect(backend.play('chime')).rejects.toThrow(/user gesture/);
    gesture();
    await backend.unlock();
    await backend.play('chime');
    expect(context.started).toEqual(['chime']);
  });

  it('puts clips in the same language folder as clipLanguage() in @layso/shared', () => {
    for (const id of Object.keys(CLIP_WORDS)) expect(clipFolder(id), id).toBe(clipLanguage(id as ClipId));
  });
});
