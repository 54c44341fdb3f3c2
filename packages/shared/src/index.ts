export * from './protocol.js';
export * from './ticket-number.js';
export * from './time.js';
export * from './strings.js';
export * from './schemas/center-config.js';
export * from './schemas/api.js';
export * from './schemas/events.js';
