import { describe, expect, it } from 'vitest';
import type { HubConnectionOptions, HubState } from '@layso/shared/client';
import type { KeypadAction, KeypadHubResult, LedDisplayState } from '../devices/index.js';
import { startCounterDevices, type CounterDeviceFactories } from './counter-devices.js';
import { parseShellSettings, type ShellSettings } from './settings-schema.js';

function settings(extra: Record<string, unknown>): ShellSettings {
  const parsed = parseShellSettings({ hubUrl: 'http://10.0.0.2:8080', token: 'lys_countertoken', role: 'counter', counter: 86, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.settings;
}

function hubState(counters: { number: number; status: 'open' | 'paused'; current: string | null }[]): HubState {
  return {
    bootId: 'b',
    seq: 1,
    clockOffsetMs: 0,
    recentCalls: [],
    catalog: {
      day: '2026-03-02',
      center: { name: 'Trung tâm', timeZone: 'Asia/Ho_Chi_Minh' },
      open: true,
      priorityCategories: [],
      areas: [],
      counters: counters.map((c) => ({ ...c, name: `Quầy ${c.number}`, areaId: 'tang-3', serviceIds: ['x'] })),
    },
  };
}

function fakes() {
  const shown: LedDisplayState[] = [];
  const sent: KeypadAction[] = [];
  const events: string[] = [];
  let connection: HubConnectionOptions | null = null;
  let keypadListener: ((action: KeypadAction) => void) | null = null;
  const factories: CounterDeviceFactories = {
    createLed: (options) => {
      events.push(`led ${options.path}`);
      return { start: () => events.push('led start'), stop: async () => void events.push('led stop'), show: (state) => shown.push(state) };
    },
    createKeypad: (options) => {
      events.push(`keypad ${options.path}`);
      return {
        start: () => events.push('keypad start'),
        stop: async () => void events.push('keypad stop'),
        onAction: (listener) => {
          keypadListener = listener;
          return () => {};
        },
      };
    },
    createBridge: (options) => {
      events.push(`bridge ${options.hubUrl} ${options.counter}`);
      return {
        send: async (action): Promise<KeypadHubResult> => {
          sent.push(action);
          return { ok: true, action, command: 'next', status: 200, body: {} };
        },
      };
    },
    connect: (options) => {
      connection = options;
      events.push(`connect ${options.url}`);
      return { close: () => events.push('hub close'), requestState: () => {} };
    },
  };
  return { factories, shown, sent, events, hub: () => connection!, press: (a: KeypadAction) => keypadListener!(a) };
}

describe('startCounterDevices', () => {
  it('does nothing without serial devices', () => {
    expect(startCounterDevices(settings({}), fakes().factories)).toBeNull();
  });

  it('shows the counter own number on the LED board as the hub state changes', () => {
    const f = fakes();
    startCounterDevices(settings({ led: { path: '/dev/ttyUSB0' } }), f.factories);
    expect(f.events).toEqual(['led /dev/ttyUSB0', 'led start', 'connect http://10.0.0.2:8080']);
    expect(f.hub().token).toBe('lys_countertoken');
    f.hub().onState(hubState([{ number: 85, status: 'open', current: '85009' }, { number: 86, status: 'open', current: '86001' }]));
    f.hub().onState(hubState([{ number: 86, status: 'paused', current: null }]));
    f.hub().onState(hubState([{ number: 86, status: 'open', current: null }]));
    expect(f.shown).toEqual([
      { current: '86001', paused: false },
      { current: null, paused: true },
      { current: null, paused: false },
    ]);
  });

  it('turns keypad keys into hub commands for the counter', async () => {
    const f = fakes();
    startCounterDevices(settings({ keypad: { path: '/dev/ttyUSB1' } }), f.factories);
    expect(f.events).toContain('bridge http://10.0.0.2:8080 86');
    f.press('next');
    f.press('no-show');
    await Promise.resolve();
    expect(f.sent).toEqual(['next', 'no-show']);
  });

  it('stops everything it started', async () => {
    const f = fakes();
    const devices = startCounterDevices(settings({ led: { path: '/dev/ttyUSB0' }, keypad: { path: '/dev/ttyUSB1' } }), f.factories);
    await devices!.stop();
    expect(f.events).toEqual(expect.arrayContaining(['hub close', 'led stop', 'keypad stop']));
  });
});
