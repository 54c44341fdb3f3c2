export * from './hub-state.js';
export * from './hub-connection.js';
export * from './request-id.js';
export * from './device-token.js';
export * from './device-commands.js';
