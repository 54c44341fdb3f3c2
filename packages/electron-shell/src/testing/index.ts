/** Test helpers for main-process code: a fake `electron` module, hand-driven timers and a polling wait. Serial helpers: `./testing/serial`. */
export * from './fake-electron.js';
export * from './manual-timers.js';
export * from './wait-for.js';
