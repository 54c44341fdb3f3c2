export * from './hub-state.js';
export * from './hub-connection.js';
export * from './api-client.js';
export * from './device-token.js';
