/**
 * Script of the local settings page (settings.html). It talks to main only through
 * `window.layso`; the PIN, validation and saving are all decided in main.
 */
import type { KioskBridge, SettingsInput, SettingsView } from '../src/main/bridge-api.js';

const bridge = (window as unknown as { layso: KioskBridge }).layso;
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pinStep = byId<HTMLElement>('pin-step');
const form = byId<HTMLFormElement>('settings-step');
const pinInput = byId<HTMLInputElement>('pin');
let pin = '';

const LOCKED = (sec?: number) => `Tạm khóa, thử lại sau ${sec ?? 60} giây (locked)`;

function showSettings(view: SettingsView | null): void {
  pinStep.hidden = true;
  form.hidden = false;
  const set = (name: string, value: string) => ((form.elements.namedItem(name) as HTMLInputElement).value = value);
  set('hubUrl', view?.hubUrl ?? 'http://');
  set('token', '');
  set('printer', view?.printer ?? '');
  set('paper', view?.paper ?? '80mm');
  set('textMode', view?.textMode ?? 'cp1258');
  set('codePage', view?.codePage === null || view?.codePage === undefined ? '' : String(view.codePage));
  set('hubCertFingerprints', (view?.hubCertFingerprints ?? []).join(', '));
  set('newPin', '');
}

async function open(withPin: string): Promise<void> {
  const result = await bridge.getSettings(withPin);
  if (result.ok) {
    pin = withPin;
    showSettings(result.settings);
    return;
  }
  pinStep.hidden = false;
  form.hidden = true;
  byId('pin-message').textContent = withPin === '' ? '' : result.reason === 'LOCKED' ? LOCKED(result.retryInSec) : 'Sai mã PIN (wrong PIN)';
  pinInput.value = '';
}

function buildKeypad(): void {
  const keypad = document.querySelector<HTMLElement>('.keypad')!;
  for (const key of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'C']) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = key;
    button.addEventListener('click', () => {
      if (key === '⌫') pinInput.value = pinInput.value.slice(0, -1);
      else if (key === 'C') pinInput.value = '';
      else if (pinInput.value.length < 8) pinInput.value += key;
    });
    keypad.append(button);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const input = Object.fromEntries(['hubUrl', 'token', 'printer', 'paper', 'textMode', 'codePage', 'hubCertFingerprints', 'newPin'].map((k) => [k, String(data.get(k) ?? '')])) as unknown as SettingsInput;
  void bridge.saveSettings(pin, input).then((result) => {
    const list = byId<HTMLUListElement>('settings-message');
    list.replaceChildren();
    if (result.ok) return; // main loads the kiosk page with the new settings
    const lines = result.reason === 'INVALID' ? result.problems.map((p) => `${p.field}: ${p.message}`) : [result.reason === 'LOCKED' ? LOCKED(result.retryInSec) : 'Sai mã PIN (wrong PIN)'];
    for (const line of lines) {
      const item = document.createElement('li');
      item.textContent = line;
      list.append(item);
    }
  });
});

byId('pin-ok').addEventListener('click', () => void open(pinInput.value));
for (const button of document.querySelectorAll('[data-close]')) button.addEventListener('click', () => void bridge.closeSettings());
buildKeypad();
void open('');
