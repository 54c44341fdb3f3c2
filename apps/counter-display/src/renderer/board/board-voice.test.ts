// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { buildCallAnnouncement, type RecentCall } from '@layso/shared';
import type { AudioBackend } from '@layso/shared/voice';
import { createBoardVoice } from './board-voice.js';

class RecordingBackend implements AudioBackend {
  readonly played: string[] = [];
  readonly loaded: string[] = [];
  unlocked = 0;
  async play(id: string) {
    this.played.push(id);
  }
  async load(id: string) {
    this.loaded.push(id);
  }
  async unlock() {
    this.unlocked++;
  }
}

const call = (number: string, counter: number, recall = false): RecentCall => ({
  number,
  counter,
  serviceId: 'cong-an-xnc',
  areaId: 'tang-3',
  recall,
  at: '2026-03-02T03:00:00Z',
});

afterEach(() => {
  delete window.__laysoAnnouncements;
});

describe('board voice', () => {
  it('announces a call as chime, sentence, digits one by one, then the counter as a number', async () => {
    const backend = new RecordingBackend();
    const voice = createBoardVoice({ volume: 1, muted: false, backend, pauseBetweenMs: 0 });
    voice.announce(call('86001', 86));
    await voice.scheduler.idle();
    expect(backend.played).toEqual(buildCallAnnouncement({ number: '86001', counter: 86 }));
    expect(backend.played).toEqual([
      'chime',
      'xin-moi-cong-dan-co-so-thu-tu',
      'digit-8',
      'digit-6',
      'digit-0',
      'digit-0',
      'digit-1',
      'den-quay-so',
      'num-80',
      'num-6',
    ]);
  });

  it('announces a recall again, with the recall chime', async () => {
    const backend = new RecordingBackend();
    const voice = createBoardVoice({ volume: 1, muted: false, backend, pauseBetweenMs: 0 });
    voice.announce(call('86001', 86));
    await voice.scheduler.idle();
    voice.announce(call('86001', 86, true));
    await voice.scheduler.idle();
    const records = window.__laysoAnnouncements!;
    expect(records.map((r) => r.clips[0])).toEqual(['chime', 'chime-recall']);
  });

  it('speaks each call as many times as the center says, and takes new settings live', async () => {
    const backend = new RecordingBackend();
    const voice = createBoardVoice({ volume: 1, muted: false, backend, pauseBetweenMs: 0, repeat: 2 });
    voice.announce(call('86001', 86));
    await voice.scheduler.idle();
    expect(window.__laysoAnnouncements!.map((r) => r.clips[2])).toEqual(['digit-8', 'digit-8']);
    voice.configure({ volume: 0.5, repeat: 1 });
    voice.announce(call('12001', 12));
    await voice.scheduler.idle();
    expect(window.__laysoAnnouncements).toHaveLength(3);
    expect(voice.announcer.volume).toBe(0.5);
  });

  it('records announcements while muted but plays and preloads nothing', async () => {
    const backend = new RecordingBackend();
    const voice = createBoardVoice({ volume: 0.8, muted: true, backend, pauseBetweenMs: 0 });
    voice.announce(call('11001', 11));
    await voice.scheduler.idle();
    expect(backend.played).toEqual([]);
    expect(backend.loaded).toEqual([]);
    expect(window.__laysoAnnouncements!.map((r) => r.clips)).toEqual([buildCallAnnouncement({ number: '11001', counter: 11 })]);
    expect(voice.announcer.volume).toBe(0.8);
  });

  it('preloads the Vietnamese clips only, and unlocks through the backend', async () => {
    const backend = new RecordingBackend();
    const voice = createBoardVoice({ volume: 1, muted: false, backend, pauseBetweenMs: 0 });
    await voice.scheduler.idle();
    expect(backend.loaded).toContain('den-quay-so');
    expect(backend.loaded.some((id) => id.startsWith('en-'))).toBe(false);
    await voice.unlock();
    expect(backend.unlocked).toBe(1);
  });
});
