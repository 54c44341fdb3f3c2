import { PROTOCOL_VERSION } from '@layso/shared';
import { describe, expect, it } from 'vitest';
import { announcementFor, machineTag, renamedAfterConflict, shouldAnnounce } from './mdns-announcer.js';

describe('DNS-SD announcement of the hub', () => {
  it('is _layso._tcp with the hub and protocol versions in TXT', () => {
    expect(announcementFor({ centerName: 'Trung tâm Cẩm Phả', port: 8080, version: '0.2.0', host: 'hub-1', machineTag: '3f9a' })).toEqual({
      name: 'layso Trung tâm Cẩm Phả (hub-1-3f9a)',
      type: 'layso',
      protocol: 'tcp',
      port: 8080,
      txt: { version: '0.2.0', protocol: String(PROTOCOL_VERSION), path: '/' },
    });
  });

  it('keeps the instance name within a DNS label (63 bytes), never cutting a Vietnamese letter in half', () => {
    const { name } = announcementFor({ centerName: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh', port: 80, version: '1', host: 'h' });
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(Buffer.from(name).toString('utf8')).toBe(name);
    expect(name.startsWith('layso Trung tâm Phục vụ hành')).toBe(true);
  });

  it('a long center name never cuts off the host and machine suffix that tells two hubs apart', () => {
    const long = 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh';
    const a = announcementFor({ centerName: long, port: 80, version: '1', host: 'layso-hub', machineTag: 'a1b2' }).name;
    const b = announcementFor({ centerName: long, port: 80, version: '1', host: 'layso-hub', machineTag: 'c3d4' }).name;
    expect(a).toBe('layso Trung tâm Phục vụ hành chính (layso-hub-a1b2)');
    expect(b).not.toBe(a);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(63);
    // A very long host name is cut too, so the center's name keeps some room.
    expect(announcementFor({ centerName: 'Cẩm Phả', port: 80, version: '1', host: 'x'.repeat(80), machineTag: 'a1b2' }).name).toBe(`layso Cẩm Phả (${'x'.repeat(24)}-a1b2)`);
  });

  it('the machine tag is a stable hash of the first hardware address; none without one', () => {
    const nic = (mac: string, internal = false) => ({ address: '192.168.1.2', netmask: '', family: 'IPv4' as const, mac, internal, cidr: null });
    const tag = machineTag({ lo: [nic('00:00:00:00:00:00', true)], eth0: [nic('52:54:00:12:34:56')] });
    expect(tag).toMatch(/^[0-9a-f]{4}$/);
    expect(machineTag({ eth0: [nic('52:54:00:12:34:56')] })).toBe(tag);
    expect(machineTag({ eth0: [nic('52:54:00:12:34:57')] })).not.toBe(tag);
    expect(machineTag({ lo: [nic('00:00:00:00:00:00', true)] })).toBeNull();
  });

  it('renames after a conflict with " #N", within one DNS label', () => {
    expect(renamedAfterConflict('layso Cẩm Phả (hub)', 2)).toBe('layso Cẩm Phả (hub) #2');
    const long = 'layso Trung tâm Phục vụ hành chính (layso-hub-a1b2)';
    expect(Buffer.byteLength(renamedAfterConflict(`${long}xxxxxxxxxx`, 10))).toBeLessThanOrEqual(63);
    expect(renamedAfterConflict(`${long}xxxxxxxxxx`, 10).endsWith(' #10')).toBe(true);
  });

  it('is on for a LAN listener and off for loopback unless forced', () => {
    expect(shouldAnnounce('auto', '0.0.0.0')).toBe(true);
    expect(shouldAnnounce('auto', '192.168.1.10')).toBe(true);
    expect(shouldAnnounce('auto', '127.0.0.1')).toBe(false);
    expect(shouldAnnounce('auto', 'localhost')).toBe(false);
    expect(shouldAnnounce('off', '0.0.0.0')).toBe(false);
    expect(shouldAnnounce('on', '127.0.0.1')).toBe(true);
  });
});
