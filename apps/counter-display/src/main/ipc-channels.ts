/** IPC channel names, kebab-case, in one place for the preload and the main process. */
export const IPC = {
  settingsStatus: 'settings-status',
  settingsUnlock: 'settings-unlock',
  settingsSave: 'settings-save',
  settingsClose: 'settings-close',
  restartApp: 'restart-app',
  savePairing: 'save-paired-token',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];
