import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Timers } from '@layso/electron-shell';
import { keepPageAlive, type KeptContents } from './page-keeper.js';

class FakeContents extends EventEmitter implements KeptContents {
  readonly loads: string[] = [];
  async loadURL(url: string) {
    this.loads.push(url);
  }
}

function manualTimers() {
  const pending: { fn: () => void; ms: number; id: number }[] = [];
  let id = 0;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.push({ fn, ms, id: ++id });
      return id;
    },
    clearTimeout: (handle) => {
      const index = pending.findIndex((p) => p.id === handle);
      if (index >= 0) pending.splice(index, 1);
    },
  };
  const fireNext = () => pending.shift()?.fn();
  return { timers, pending, fireNext };
}

const URL = 'http://10.0.0.2:8080/board#token=x';

describe('keepPageAlive', () => {
  it('reloads the page after a renderer crash, but not after a clean exit', () => {
    const contents = new FakeContents();
    const { timers, pending, fireNext } = manualTimers();
    keepPageAlive(contents, { url: () => URL, timers, delaysMs: [1_000] });
    contents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    expect(pending).toHaveLength(0);
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(pending.map((p) => p.ms)).toEqual([1_000]);
    fireNext();
    expect(contents.loads).toEqual([URL]);
  });

  it('keeps retrying an unreachable hub with growing waits, and starts over after a good load', () => {
    const contents = new FakeContents();
    const { timers, pending, fireNext } = manualTimers();
    keepPageAlive(contents, { url: () => URL, timers, delaysMs: [1_000, 5_000] });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      contents.emit('did-start-loading');
      contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', URL, true);
      waits.push(pending[0]!.ms);
      fireNext();
    }
    expect(waits).toEqual([1_000, 5_000, 5_000]);
    contents.emit('did-start-loading');
    contents.emit('did-finish-load');
    contents.emit('render-process-gone', {}, { reason: 'oom' });
    expect(pending[0]!.ms).toBe(1_000);
  });

  it('ignores aborted loads and sub-frame failures', () => {
    const contents = new FakeContents();
    const { timers, pending } = manualTimers();
    keepPageAlive(contents, { url: () => URL, timers });
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', URL, true);
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', URL, false);
    expect(pending).toHaveLength(0);
  });

  it('reloads a window that stays unresponsive, not one that recovers', () => {
    const contents = new FakeContents();
    const { timers, pending, fireNext } = manualTimers();
    keepPageAlive(contents, { url: () => URL, timers, unresponsiveMs: 15_000 });
    contents.emit('unresponsive');
    contents.emit('responsive');
    expect(pending).toHaveLength(0);
    contents.emit('unresponsive');
    fireNext();
    fireNext();
    expect(contents.loads).toEqual([URL]);
  });
});
