/**
 * A stand-in for the `electron` module, for tests that load a shell's real entry
 * (electron/main.ts) under `vi.mock('electron', …)`: it records what the entry asks of
 * Electron (menus, session handlers, windows, IPC) and lets the test fire Electron's
 * events at it. Only what the two entries use is here. Tests only.
 */
import { EventEmitter } from 'node:events';

/** A preventable Electron event, for tests that emit events at a fake and check preventDefault. */
export function preventable<T extends object = object>(extra?: T): T & { prevented: boolean; preventDefault(): void } {
  const event = { ...(extra ?? ({} as T)), prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

export class FakeWebContents extends EventEmitter {
  loads: string[] = [];
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  async setVisualZoomLevelLimits() {}
  async loadURL(url: string) {
    this.loads.push(url);
  }
  async loadFile(path: string) {
    this.loads.push(`file://${path}`);
  }
  getURL() {
    return this.loads.at(-1) ?? '';
  }
  /** Fires an event with a preventable first argument; true when nobody prevented it. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return !prevented;
  }
  key(key: string, mods: { control?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {}): boolean {
    return this.fire('before-input-event', { type: 'keyDown', key, control: false, shift: false, alt: false, meta: false, ...mods });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  kiosk: boolean;
  fullscreen: boolean;
  constructor(readonly options: { kiosk?: boolean; fullscreen?: boolean; webPreferences?: Record<string, unknown> }) {
    super();
    this.kiosk = options.kiosk ?? false;
    this.fullscreen = options.fullscreen ?? false;
    FakeBrowserWindow.all.push(this);
  }
  show() {}
  setKiosk(flag: boolean) {
    this.kiosk = flag;
  }
  setFullScreen(flag: boolean) {
    this.fullscreen = flag;
  }
  async loadURL(url: string) {
    return this.webContents.loadURL(url);
  }
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return !prevented;
  }
}

export class FakeSession extends EventEmitter {
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  permissionCheck: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermission: ((details: unknown) => boolean) | null = null;
  displayMedia: ((request: unknown, callback: (streams: null) => void) => void) | null = null;
  certificateVerifyProc: ((request: unknown, callback: (result: number) => void) => void) | null = null;
  headersReceived: ((details: unknown, callback: (response: { responseHeaders?: Record<string, unknown> }) => void) => void) | null = null;
  readonly webRequest = {
    onHeadersReceived: (handler: NonNullable<FakeSession['headersReceived']>) => {
      this.headersReceived = handler;
    },
  };
  setPermissionRequestHandler(handler: NonNullable<FakeSession['permissionRequest']>) {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['permissionCheck']>) {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: NonNullable<FakeSession['devicePermission']>) {
    this.devicePermission = handler;
  }
  setDisplayMediaRequestHandler(handler: NonNullable<FakeSession['displayMedia']>) {
    this.displayMedia = handler;
  }
  setCertificateVerifyProc(proc: NonNullable<FakeSession['certificateVerifyProc']>) {
    this.certificateVerifyProc = proc;
  }
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return !prevented;
  }
}

export class FakeApp extends EventEmitter {
  calls: string[] = [];
  menu: unknown = 'default';
  userData = '';
  readonly commandLine = { appendSwitch: (name: string, value?: string) => this.calls.push(`switch ${name}=${value ?? ''}`) };
  private readyResolve!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return this.ready;
  }
  /** Resolves whenReady(), as Electron does once it has started. */
  becomeReady() {
    this.readyResolve();
  }
  getPath(name: string) {
    if (name !== 'userData') throw new Error(`getPath(${name}) not faked`);
    return this.userData;
  }
  setLoginItemSettings(settings: unknown) {
    this.calls.push(`login-item ${JSON.stringify(settings)}`);
  }
  relaunch() {
    this.calls.push('relaunch');
  }
  exit(code = 0) {
    this.calls.push(`exit ${code}`);
  }
  quit() {
    this.calls.push('quit');
  }
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return !prevented;
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  readonly listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    this.handlers.set(channel, handler);
  }
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    this.listeners.set(channel, listener);
    return this;
  }
}

/** One fake Electron per test file: the vi.mock factory returns `fakeElectron.module`. */
export function createFakeElectron() {
  const app = new FakeApp();
  const session = new FakeSession();
  const ipcMain = new FakeIpcMain();
  const powerMonitor = new EventEmitter();
  FakeBrowserWindow.all = [];
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    Menu: { setApplicationMenu: (menu: unknown) => void (app.menu = menu) },
    powerMonitor,
    session: { defaultSession: session },
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    net: { fetch: () => Promise.reject(new Error('net.fetch not faked')) },
  };
  return { module, app, session, ipcMain, powerMonitor, windows: () => FakeBrowserWindow.all };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Where a test file keeps its fake: made in `vi.hoisted`, filled by the `vi.mock` factory. */
export interface FakeElectronHolder {
  electron: FakeElectron | null;
}

/** The `vi.mock('electron', …)` factory's body: a new fake, kept in `holder` for the test to drive. */
export function fakeElectronModule(holder: FakeElectronHolder): FakeElectron['module'] {
  holder.electron = createFakeElectron();
  return holder.electron.module;
}

/**
 * Starts a shell's real entry the way Electron would: loads it (which mocks `electron`
 * into `holder`), gives it `userData`, fires `ready`, and waits (up to `timeoutMs`) for
 * the one window it opens. Returns the fake and that window.
 */
export async function startFakeShell(
  holder: FakeElectronHolder,
  loadEntry: () => Promise<unknown>,
  userData: string,
  timeoutMs = 1_000,
): Promise<{ electron: FakeElectron; window: FakeBrowserWindow }> {
  await loadEntry();
  const electron = holder.electron;
  if (!electron) throw new Error('the entry did not import electron: is vi.mock("electron", …) set up with fakeElectronModule?');
  electron.app.userData = userData;
  electron.app.becomeReady();
  const deadline = Date.now() + timeoutMs;
  while (electron.windows().length !== 1) {
    if (Date.now() > deadline) throw new Error(`the entry opened ${electron.windows().length} windows within ${timeoutMs} ms, expected 1`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { electron, window: electron.windows()[0]! };
}
