/**
 * Test helpers for serial drivers: an in-memory SerialPortLike whose device can be
 * unplugged, a socat pty pair (a virtual null-modem cable) and a real `serialport` on
 * its far end playing the device.
 */
export * from './fake-serial-port.js';
export * from './serial-test-port.js';
export * from './socat-pty-pair.js';
