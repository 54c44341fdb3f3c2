export * from './api/hub-request.js';
export * from './api/api-client.js';
export * from './pairing/device-pairing.js';
export * from './pairing/pairing-text.js';
export * from './pairing/pairing-screen.js';
export * from './text/fill-template.js';
