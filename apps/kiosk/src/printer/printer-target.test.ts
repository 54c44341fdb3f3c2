import { describe, expect, it } from 'vitest';
import { PrinterError } from './printer-errors.js';
import { describeTarget, parsePrinterTarget } from './printer-target.js';

describe('parsePrinterTarget', () => {
  it.each([
    ['tcp://192.168.1.50:9100', { kind: 'tcp', host: '192.168.1.50', port: 9100 }],
    ['tcp://printer.local', { kind: 'tcp', host: 'printer.local', port: 9100 }],
    ['tcp://[::1]:9101', { kind: 'tcp', host: '::1', port: 9101 }],
    ['serial:///dev/ttyUSB0?baudRate=9600', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 }],
    ['serial:///dev/ttyS1?baudRate=115200', { kind: 'serial', path: '/dev/ttyS1', baudRate: 115200 }],
    ['serial:///dev/ttyUSB0', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 }],
    ['serial:///COM3?baudRate=19200', { kind: 'serial', path: 'COM3', baudRate: 19200 }],
    ['printer:EPSON_TM_T82', { kind: 'os', name: 'EPSON_TM_T82' }],
    ['printer:\\\\PC-QUAY1\\POS80', { kind: 'os', name: 'POS80', host: 'PC-QUAY1' }],
  ])('%s', (text, target) => {
    expect(parsePrinterTarget(text)).toEqual(target);
  });

  it.each(['', 'usb://x', 'tcp://', 'serial://', 'serial:///dev/ttyUSB0?baudRate=fast', 'printer:', 'printer:a b', 'printer:a\\b', 'printer:\\\\host', 'printer:\\\\host\\a b', 'printer:\\\\host\\a\\b'])(
    'rejects %j with BAD_CONFIG',
    (text) => {
      expect(() => parsePrinterTarget(text)).toThrow(PrinterError);
      try {
        parsePrinterTarget(text);
      } catch (error) {
        expect((error as PrinterError).code).toBe('BAD_CONFIG');
      }
    },
  );

  it('describes a target back as an address', () => {
    for (const text of ['tcp://10.0.0.5:9100', 'serial:///dev/ttyUSB0?baudRate=9600', 'printer:XP80', 'printer:\\\\PC-QUAY1\\XP80']) {
      expect(describeTarget(parsePrinterTarget(text))).toBe(text);
    }
    expect(describeTarget(parsePrinterTarget('tcp://[::1]:9100'))).toBe('tcp://[::1]:9100');
  });
});
