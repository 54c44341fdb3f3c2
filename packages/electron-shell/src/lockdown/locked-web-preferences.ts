/**
 * The webPreferences every shell window starts from: an isolated, sandboxed page
 * without Node, reaching the main process only through its preload's contextBridge
 * object; no <webview>, no insecure content, no drag-and-drop navigation, no
 * spellchecker, devtools only for a technician's debug run. The apps spread it into
 * their BrowserWindow options and add what their screens need (autoplay, throttling).
 * A plain object: this package imports nothing of Electron, types included.
 */
export interface LockedWebPreferences {
  preload: string;
  contextIsolation: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  sandbox: true;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  devTools: boolean;
}

export function lockedWebPreferences(preload: string, { devTools = false }: { devTools?: boolean } = {}): LockedWebPreferences {
  return {
    preload,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
  };
}
