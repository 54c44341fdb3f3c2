/** Shared bits of the main-process unit tests: a temp folder and a valid settings object. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPin } from '@layso/electron-shell';
import type { KioskSettings } from './settings-schema.js';

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'layso-kiosk-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

// Hashed once: scrypt is slow on purpose.
const PIN_HASH = hashPin('2468');

export function validSettings(overrides: Partial<KioskSettings> = {}): KioskSettings {
  return {
    version: 1,
    hubUrl: 'http://192.168.1.10:8080',
    token: 'kiosk-token-abc',
    printer: 'tcp://192.168.1.50:9100',
    paper: '80mm',
    textMode: 'cp1258',
    codePage: null,
    adminPin: PIN_HASH,
    hubCertFingerprints: [],
    scanner: null,
    ...overrides,
  };
}

export const FORM = {
  hubUrl: 'http://192.168.1.10:8080',
  token: 'kiosk-token-abc',
  printer: 'tcp://192.168.1.50:9100',
  paper: '80mm',
  textMode: 'cp1258',
  codePage: '',
  hubCertFingerprints: '',
  newPin: '2468',
} as const;

export const PRINTABLE = {
  centerName: 'Trung tâm Phục vụ hành chính công',
  areaName: 'Tầng 3',
  serviceName: 'Công an tỉnh (XNC)',
  number: '86001',
  counter: 86,
  issuedAt: '2026-03-04T01:15:00.000Z',
  timeZone: 'Asia/Ho_Chi_Minh',
  ahead: 2,
  estWaitMin: 10,
  statusUrl: 'http://192.168.1.10:8080/api/tickets/2026-03-04/86001',
  priorityName: null,
  language: 'vi',
} as const;
