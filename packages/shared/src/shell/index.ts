/**
 * Main-process code both Electron shells (kiosk, counter display) share: the lockdown
 * of windows and sessions, the key filter, the hub CSP, certificate pinning, the
 * persisted PIN lock and the app keeper. Node only (no Electron import): each part is
 * written against the few Electron calls it makes, so it is tested with fakes.
 */
export * from './app-keeper.js';
export * from './block-native-dialogs.js';
export * from './certificate-pin.js';
export * from './contents-lockdown.js';
export * from './hub-csp.js';
export * from './key-filter.js';
export * from './pin-lock.js';
export * from './session-lockdown.js';
export * from './pin-failure-report.js';
export * from './idle-close.js';
