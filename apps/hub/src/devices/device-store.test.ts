import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeTempDir } from '../testing/temp-store.js';
import { DeviceStore } from './device-store.js';
import { DATABASE_FILE, openDatabase } from '../store/open-database.js';

function openStore() {
  const db = openDatabase(join(makeTempDir(), DATABASE_FILE));
  onTestFinished(() => {
    db.close();
  });
  return { db, devices: new DeviceStore(db) };
}

describe('DeviceStore token cache', () => {
  it('answers a token it has seen from memory: no SQL per request', () => {
    const { db, devices } = openStore();
    const { device, token } = devices.create('kiosk', { name: 'kiosk 1' });
    expect(devices.authenticate(token)).toEqual(device);
    // Behind the store's back (nothing in the hub does this): the cached answer stands,
    // which only a cache gives.
    db.prepare('UPDATE devices SET name = ? WHERE id = ?').run('changed directly', device.id);
    expect(devices.authenticate(token)?.name).toBe('kiosk 1');
    expect(devices.authenticate('lys_unknown')).toBeNull();
  });

  it('refuses a revoked token at once, and sees a rename and a renumbered counter on the next request', () => {
    const { devices } = openStore();
    const kiosk = devices.create('kiosk', { name: 'kiosk 1' });
    const console5 = devices.create('counter', { counter: 5, name: 'console 5' });
    const other = devices.create('kiosk', { name: 'kiosk 2' });
    for (const t of [kiosk.token, console5.token, other.token]) expect(devices.authenticate(t)).not.toBeNull();

    expect(devices.rename(kiosk.device.id, 'cửa chính')).toBe(true);
    expect(devices.authenticate(kiosk.token)?.name).toBe('cửa chính');

    devices.moveCounter(5, 7);
    expect(devices.authenticate(console5.token)?.counter).toBe(7);

    expect(devices.revoke(kiosk.device.id)).toBe(true);
    expect(devices.authenticate(kiosk.token)).toBeNull();
    expect(devices.authenticate(other.token)?.name).toBe('kiosk 2');
    expect(devices.revoke(console5.device.id)).toBe(true);
    expect(devices.authenticate(console5.token)).toBeNull();
  });

  it('a revocation rolled back with its transaction leaves the token working', () => {
    const { db, devices } = openStore();
    const { token, device } = devices.create('kiosk');
    expect(devices.authenticate(token)).not.toBeNull();
    expect(() =>
      db.transaction(() => {
        devices.revoke(device.id);
        throw new Error('audit write failed');
      })(),
    ).toThrow('audit write failed');
    expect(devices.authenticate(token)?.id).toBe(device.id);
  });

  it('hands every caller its own object (per-request state is keyed on it)', () => {
    const { devices } = openStore();
    const { token } = devices.create('kiosk');
    const a = devices.authenticate(token)!;
    a.name = 'mutated by a caller';
    expect(devices.authenticate(token)).not.toBe(a);
    expect(devices.authenticate(token)?.name).toBeNull();
  });
});
