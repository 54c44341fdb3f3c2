export * from './hub-state.js';
export * from './hub-connection.js';
export * from './api-client.js';
export * from './device-token.js';
export * from './device-pairing.js';
export * from './device-commands.js';
export * from './pairing-text.js';
