// Test support shared with the other apps' browser tests (`@layso/hub/testing`).
export * from './start-test-hub.js';
export * from './browser.js';
export * from './restart-test-hub.js';
export * from './use-hub-and-browser.js';
export * from './small-disk.js';
export * from './shell-csp-page.js';
export * from './unnamed-controls.js';
