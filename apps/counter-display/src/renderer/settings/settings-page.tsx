import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldProblem } from '../../main/settings-schema.js';
import type { LaysoShellBridge, SettingsStatus } from '../../main/bridge-api.js';
import { StatusScreen } from '../common/status-screen.js';
import { UI } from '../strings.js';
import { formFromSettings, settingsFromForm, type SettingsFormValues } from './settings-form-model.js';

const ROLE_NAMES = { counter: 'Quầy (cán bộ)', door: 'Màn hình trên quầy', board: 'Bảng tổng (TV sảnh)' } as const;

/**
 * The Electron shell's settings screen (Ctrl+Alt+S), served by the shell itself so it
 * works when the hub address is wrong. Behind a PIN; the first start sets the PIN.
 */
export function SettingsPage({ bridge = window.laysoShell }: { bridge?: LaysoShellBridge }) {
  const [status, setStatus] = useState<SettingsStatus | null>(null);
  const [pin, setPin] = useState('');
  const [form, setForm] = useState<SettingsFormValues | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!bridge) return;
    void bridge.settingsStatus().then(async (s) => {
      setStatus(s);
      if (!s.hasPin) {
        const unlocked = await bridge.unlockSettings('');
        if (unlocked.ok) setForm(formFromSettings(unlocked.settings));
      }
    });
  }, [bridge]);

  if (!bridge) return <StatusScreen tone="error">{UI.settingsOnlyInShell}</StatusScreen>;
  if (!status) return <StatusScreen>{UI.loading}</StatusScreen>;

  async function unlock(event: FormEvent) {
    event.preventDefault();
    const result = await bridge!.unlockSettings(pin);
    if (result.ok) {
      setError(null);
      setForm(formFromSettings(result.settings));
    } else {
      setError(result.reason === 'locked' ? `Nhập sai quá nhiều lần. Thử lại sau ${Math.ceil(result.retryInMs / 1000)} giây.` : 'Sai mã PIN.');
    }
  }

  return (
    <main className="settings">
      <h1>Cài đặt màn hình</h1>
      {status.problems.length > 0 && <Problems problems={status.problems} />}
      {form === null ? (
        <form className="settings-card" onSubmit={unlock}>
          <label>
            Mã PIN
            <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoFocus />
          </label>
          {error && <p className="settings-error">{error}</p>}
          <div className="settings-buttons">
            <button type="submit">Mở khóa</button>
            <button type="button" className="secondary" onClick={() => bridge.closeSettings()}>
              {UI.close}
            </button>
          </div>
        </form>
      ) : (
        <SettingsForm bridge={bridge} pin={pin} firstStart={!status.hasPin} initial={form} />
      )}
    </main>
  );
}

function SettingsForm({ bridge, pin, firstStart, initial }: { bridge: LaysoShellBridge; pin: string; firstStart: boolean; initial: SettingsFormValues }) {
  const [form, setForm] = useState(initial);
  const [newPin, setNewPin] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const set = <K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) => setForm({ ...form, [key]: value });

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await bridge.saveSettings({ pin, settings: settingsFromForm(form), ...(newPin ? { newPin } : {}) });
    if (result.ok) return; // The main process shows the role page.
    setProblems(result.reason === 'invalid' ? result.problems : [{ path: '', message: 'Sai mã PIN hoặc đang bị khóa.' }]);
  }

  return (
    <form className="settings-card" onSubmit={save}>
      <Field label="Vai trò">
        <select value={form.role} onChange={(e) => set('role', e.target.value as SettingsFormValues['role'])}>
          {Object.entries(ROLE_NAMES).map(([role, name]) => (
            <option key={role} value={role}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Địa chỉ máy chủ (hub)">
        <input value={form.hubUrl} onChange={(e) => set('hubUrl', e.target.value)} placeholder="http://192.168.1.10:8080" />
      </Field>
      <Field label="Vân tay chứng chỉ HTTPS của hub (SHA-256; để trống nếu dùng HTTP) / Hub HTTPS certificate fingerprint">
        <input value={form.hubCertFingerprints} onChange={(e) => set('hubCertFingerprints', e.target.value)} spellCheck={false} placeholder="AB:CD:…" />
      </Field>
      <Field label={UI.deviceToken}>
        <input value={form.token} onChange={(e) => set('token', e.target.value)} spellCheck={false} />
      </Field>
      {form.role === 'board' ? (
        <>
          <Field label="Khu vực (mã, cách nhau bởi dấu phẩy; để trống = tất cả)">
            <input value={form.areas} onChange={(e) => set('areas', e.target.value)} placeholder="tang-3" />
          </Field>
          <Field label="Hướng màn hình">
            <select value={form.layout} onChange={(e) => set('layout', e.target.value as SettingsFormValues['layout'])}>
              <option value="landscape">Ngang</option>
              <option value="portrait">Dọc</option>
            </select>
          </Field>
          <Field label="Thông báo chạy chữ">
            <input value={form.notice} onChange={(e) => set('notice', e.target.value)} />
          </Field>
          <Field label="Âm lượng (0–1)">
            <input type="number" min="0" max="1" step="0.1" value={form.volume} onChange={(e) => set('volume', e.target.value)} />
          </Field>
          <label className="settings-check">
            <input type="checkbox" checked={form.muted} onChange={(e) => set('muted', e.target.checked)} /> Tắt tiếng
          </label>
        </>
      ) : (
        <>
          <Field label="Số quầy">
            <input type="number" min="1" max="999" value={form.counter} onChange={(e) => set('counter', e.target.value)} />
          </Field>
          <Field label="Cổng bảng LED (để trống nếu không có)">
            <input value={form.ledPath} onChange={(e) => set('ledPath', e.target.value)} placeholder="/dev/ttyUSB0 hoặc COM3" />
          </Field>
          {form.role === 'counter' && (
            <Field label="Cổng bàn phím gọi số (để trống nếu không có)">
              <input value={form.keypadPath} onChange={(e) => set('keypadPath', e.target.value)} placeholder="/dev/ttyUSB1 hoặc COM4" />
            </Field>
          )}
        </>
      )}
      <label className="settings-check">
        <input type="checkbox" checked={form.autostart} onChange={(e) => set('autostart', e.target.checked)} /> Tự khởi động cùng máy
      </label>
      <Field label={firstStart ? 'Đặt mã PIN (4–8 chữ số)' : 'Đổi mã PIN (để trống nếu giữ nguyên)'}>
        <input type="password" inputMode="numeric" value={newPin} onChange={(e) => setNewPin(e.target.value)} />
      </Field>
      {problems.length > 0 && <Problems problems={problems} />}
      <div className="settings-buttons">
        <button type="submit">Lưu</button>
        {!firstStart && (
          <button type="button" className="secondary" onClick={() => bridge.closeSettings()}>
            {UI.cancel}
          </button>
        )}
      </div>
    </form>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="settings-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

function Problems({ problems }: { problems: readonly FieldProblem[] }) {
  return (
    <ul className="settings-error">
      {problems.map((p, i) => (
        <li key={i}>
          {p.path ? `${p.path}: ` : ''}
          {p.message}
        </li>
      ))}
    </ul>
  );
}
