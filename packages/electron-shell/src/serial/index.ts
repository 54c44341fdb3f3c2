/**
 * Serial devices of both shells (LED board, keypad, printer, scanner): one promise API
 * (SerialPortLike) and its adapter over the `serialport` package. A subpath of its own
 * so that importing the rest of the package does not load the native binding.
 */
export * from './backoff.js';
export * from './listener-set.js';
export * from './node-serial-port.js';
export * from './reconnecting-serial-port.js';
export * from './serial-port-like.js';
export * from '../timers.js';
