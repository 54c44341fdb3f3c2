import { describe, expect, it } from 'vitest';
import type { DeviceRecord } from './device-store.js';
import { fleetDevice } from './fleet-view.js';

const record: DeviceRecord = {
  id: 7,
  role: 'kiosk',
  counter: null,
  name: 'Kiosk sảnh',
  screen: 'kiosk',
  screenCounter: null,
  createdAt: Date.parse('2026-11-23T01:00:00Z'),
  lastSeenAt: null,
  revokedAt: null,
  status: { appVersion: '1.2.0', printer: { state: 'ready', paperNearEnd: true } },
  statusAt: Date.parse('2026-11-23T01:05:00Z'),
};

describe('fleetDevice', () => {
  it('shows the reported version and printer, with ISO instants', () => {
    expect(fleetDevice(record, true)).toEqual({
      id: 7,
      name: 'Kiosk sảnh',
      role: 'kiosk',
      counter: null,
      screen: 'kiosk',
      createdAt: '2026-11-23T01:00:00.000Z',
      lastSeenAt: null,
      online: true,
      revokedAt: null,
      appVersion: '1.2.0',
      printer: { state: 'ready', paperNearEnd: true },
      statusAt: '2026-11-23T01:05:00.000Z',
    });
  });

  it('shows a door screen with the counter it shows, though its token acts for none', () => {
    const door = fleetDevice({ ...record, role: 'display', screen: 'door', screenCounter: 86 }, false);
    expect(door).toMatchObject({ role: 'display', screen: 'door', counter: 86 });
    const board = fleetDevice({ ...record, role: 'display', screen: 'board' }, false);
    expect(board).toMatchObject({ role: 'display', screen: 'board', counter: null });
  });

  it('shows a stored status that no longer fits the contract as no status, and a revoked device as offline', () => {
    const view = fleetDevice({ ...record, status: { printer: { state: 'on-fire' } }, revokedAt: Date.parse('2026-11-23T02:00:00Z') }, true);
    expect(view).toMatchObject({ appVersion: null, printer: null, online: false, revokedAt: '2026-11-23T02:00:00.000Z' });
  });
});
