import { PROTOCOL_VERSION } from '@layso/shared';
import { describe, expect, it } from 'vitest';
import { announcementFor, shouldAnnounce } from './mdns-announcer.js';

describe('DNS-SD announcement of the hub', () => {
  it('is _layso._tcp with the hub and protocol versions in TXT', () => {
    expect(announcementFor({ centerName: 'Trung tâm Cẩm Phả', port: 8080, version: '0.2.0', host: 'hub-1' })).toEqual({
      name: 'layso Trung tâm Cẩm Phả (hub-1)',
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

  it('is on for a LAN listener and off for loopback unless forced', () => {
    expect(shouldAnnounce('auto', '0.0.0.0')).toBe(true);
    expect(shouldAnnounce('auto', '192.168.1.10')).toBe(true);
    expect(shouldAnnounce('auto', '127.0.0.1')).toBe(false);
    expect(shouldAnnounce('auto', 'localhost')).toBe(false);
    expect(shouldAnnounce('off', '0.0.0.0')).toBe(false);
    expect(shouldAnnounce('on', '127.0.0.1')).toBe(true);
  });
});
