import type { ShellSettings } from '../../main/settings-schema.js';

/** The settings form's fields, all strings/booleans as inputs hold them. */
export interface SettingsFormValues {
  role: 'counter' | 'door' | 'board';
  hubUrl: string;
  /** Comma-separated SHA-256 fingerprints of the hub's HTTPS certificate or CA. */
  hubCertFingerprints: string;
  token: string;
  counter: string;
  areas: string;
  layout: 'landscape' | 'portrait';
  notice: string;
  volume: string;
  muted: boolean;
  autostart: boolean;
  ledPath: string;
  keypadPath: string;
}

export const EMPTY_FORM: SettingsFormValues = {
  role: 'board',
  hubUrl: 'http://',
  hubCertFingerprints: '',
  token: '',
  counter: '',
  areas: '',
  layout: 'landscape',
  notice: '',
  volume: '1',
  muted: false,
  autostart: true,
  ledPath: '',
  keypadPath: '',
};

export function formFromSettings(settings: ShellSettings | null): SettingsFormValues {
  if (!settings) return EMPTY_FORM;
  return {
    role: settings.role,
    hubUrl: settings.hubUrl,
    hubCertFingerprints: settings.hubCertFingerprints.join(', '),
    token: settings.token ?? '',
    counter: settings.counter === undefined ? '' : String(settings.counter),
    areas: settings.areas.join(', '),
    layout: settings.layout,
    notice: settings.notice ?? '',
    volume: String(settings.volume),
    muted: settings.muted,
    autostart: settings.autostart,
    ledPath: settings.led?.path ?? '',
    keypadPath: settings.keypad?.path ?? '',
  };
}

/**
 * The object sent for validation: only the fields of the chosen role, so switching a
 * board to a door screen does not drag the board's areas along. The main process
 * validates it with the zod schema; nothing here decides what is valid.
 */
export function settingsFromForm(form: SettingsFormValues): Record<string, unknown> {
  // A blank token: the screen pairs itself with the hub (a code on screen) on first start.
  const token = form.token.trim();
  const fingerprints = form.hubCertFingerprints
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const common = { role: form.role, hubUrl: form.hubUrl.trim(), ...(fingerprints.length ? { hubCertFingerprints: fingerprints } : {}), ...(token ? { token } : {}), autostart: form.autostart };
  const counter = form.counter.trim() === '' ? undefined : Number(form.counter);
  if (form.role === 'board') {
    return {
      ...common,
      areas: form.areas
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      layout: form.layout,
      ...(form.notice.trim() ? { notice: form.notice.trim() } : {}),
      volume: Number(form.volume),
      muted: form.muted,
    };
  }
  return {
    ...common,
    counter,
    ...(form.ledPath.trim() ? { led: { path: form.ledPath.trim() } } : {}),
    ...(form.role === 'counter' && form.keypadPath.trim() ? { keypad: { path: form.keypadPath.trim() } } : {}),
  };
}
