/**
 * Main-process code both Electron shells (kiosk, counter display) share: the lockdown
 * of windows and sessions, the key filter, the hub CSP, certificate pinning, the PIN
 * (hash, persisted lock, report to the hub), atomic settings files and the serial
 * port, injectable timers. Plain Node modules, no `electron` import (require('electron') throws outside
 * Electron): each part is written against the few Electron calls it makes and takes
 * them as arguments, so it is tested with fakes in plain Node.
 *
 * Not exported here, on purpose: `./build` (Vite, build time only), `./block-native-dialogs`
 * (the preload's one import; a preload bundle must not pull Node code) and `./testing`.
 */
export * from './lockdown/app-keeper.js';
export * from './lockdown/block-native-dialogs.js';
export * from './lockdown/contents-lockdown.js';
export * from './lockdown/idle-close.js';
export * from './lockdown/key-filter.js';
export * from './lockdown/locked-web-preferences.js';
export * from './lockdown/session-lockdown.js';
export * from './hub-trust/certificate-pin.js';
export * from './hub-trust/hub-csp.js';
export * from './hub-trust/hub-session.js';
export * from './pin/pin-lock.js';
export * from './pin/pin-failure-report.js';
export * from './pin/shell-pin-lock.js';
export * from './files/json-file.js';
export * from './files/write-file-atomic.js';
export * from './pin/pin-hash.js';
export * from './timers.js';
