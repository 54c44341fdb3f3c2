import { describe, expect, it } from 'vitest';
import { parseShellSettings } from '../../main/settings-schema.js';
import { EMPTY_FORM, formFromSettings, settingsFromForm } from './settings-form-model.js';

describe('settings form model', () => {
  it('builds a board without counter fields, and a door without board fields', () => {
    const form = { ...EMPTY_FORM, hubUrl: 'http://10.0.0.2:8080', token: 'lys_abcdefgh', areas: 'tang-3, tang-2', counter: '86', ledPath: '/dev/ttyUSB0' };
    expect(settingsFromForm(form)).toEqual({
      role: 'board',
      hubUrl: 'http://10.0.0.2:8080',
      token: 'lys_abcdefgh',
      autostart: true,
      areas: ['tang-3', 'tang-2'],
      layout: 'landscape',
      volume: 1,
      muted: false,
    });
    expect(settingsFromForm({ ...form, role: 'door', keypadPath: '/dev/ttyUSB1' })).toEqual({
      role: 'door',
      hubUrl: 'http://10.0.0.2:8080',
      token: 'lys_abcdefgh',
      autostart: true,
      counter: 86,
      led: { path: '/dev/ttyUSB0' },
    });
  });

  it('round-trips stored settings through the form', () => {
    const parsed = parseShellSettings({ role: 'counter', hubUrl: 'http://10.0.0.2:8080', token: 'lys_abcdefgh', counter: 86, keypad: { path: '/dev/ttyUSB1' } });
    if (!parsed.ok) throw new Error('bad fixture');
    const again = parseShellSettings(settingsFromForm(formFromSettings(parsed.settings)));
    expect(again).toEqual(parsed);
  });
});
