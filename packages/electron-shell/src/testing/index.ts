/** Test helpers for main-process code: a fake `electron` module (more to come: serial ports, socat ptys). */
export * from './fake-electron.js';
