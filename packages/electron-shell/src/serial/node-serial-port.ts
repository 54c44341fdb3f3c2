import { stat } from 'node:fs';
import { SerialPort } from 'serialport';
import { ListenerSet } from './listener-set.js';
import type { SerialPortFactory, SerialPortLike } from './serial-port-like.js';

/** How often an open port checks that its device node still exists. */
const PRESENCE_CHECK_MS = 1_000;

/** The part of the `serialport` package's SerialPort class used here (its SerialPortMock fits too). */
export interface RawSerialPort {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  close(callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: (error?: Error | null) => void): unknown;
}

export interface NodeSerialPortOptions {
  /** The binding: serialport's SerialPort (default) or, in tests, its SerialPortMock. */
  Port?: new (options: { path: string; baudRate: number; autoOpen: false }) => RawSerialPort;
  /**
   * Watch the device node to notice an unplug (default: on, except on Windows whose COM
   * ports have no node). Off for a mock binding, whose paths exist nowhere.
   */
  watchDeviceNode?: boolean;
}

/**
 * A port factory over the `serialport` package, behind the SerialPortLike promise API.
 * Ports open with autoOpen off so the caller (a reconnect loop) decides when to open.
 */
export function nodeSerialPortFactory({ Port = SerialPort, watchDeviceNode = process.platform !== 'win32' }: NodeSerialPortOptions = {}): SerialPortFactory {
  return (options) => openNodeSerialPort(new Port({ ...options, autoOpen: false }), options.path, watchDeviceNode);
}

/** The default port factory: the real `serialport` package. */
export const createNodeSerialPort: SerialPortFactory = nodeSerialPortFactory();

function openNodeSerialPort(port: RawSerialPort, path: string, watchDeviceNode: boolean): SerialPortLike {
  const data = new ListenerSet<[Buffer]>();
  const lost = new ListenerSet<[Error]>();
  let wasOpened = false;
  let closingOnPurpose = false;
  let lostReported = false;

  let presenceTimer: ReturnType<typeof setInterval> | null = null;
  const stopPresenceCheck = () => {
    if (presenceTimer !== null) clearInterval(presenceTimer);
    presenceTimer = null;
  };

  const reportLost = (error: Error): void => {
    if (!wasOpened || closingOnPurpose || lostReported) return;
    lostReported = true;
    stopPresenceCheck();
    lost.emit(error);
  };

  // A failing read does not always arrive when the far end hangs up (seen with pty
  // pairs, where the poller sometimes stays quiet). The device node itself disappears
  // when a USB adapter is pulled or the pty link is removed, so look for it once a
  // second too.
  const startPresenceCheck = () => {
    if (!watchDeviceNode) return;
    presenceTimer = setInterval(() => {
      stat(path, (error) => {
        if (error?.code === 'ENOENT') reportLost(new Error(`${path} disappeared`));
      });
    }, PRESENCE_CHECK_MS);
    presenceTimer.unref();
  };

  // serialport only notices a hang-up (socat gone, USB adapter pulled) through a failing
  // read, so keep the stream flowing even for write-only devices like the LED board.
  port.on('data', (chunk: Buffer) => data.emit(chunk));
  // Always keep an 'error' listener: an unhandled 'error' event would crash the process.
  port.on('error', (error: Error) => reportLost(error));
  port.on('close', (error?: Error | null) => reportLost(error ?? new Error(`${path} closed`)));

  const adapter: SerialPortLike = {
    open: () =>
      new Promise<void>((resolve, reject) => {
        port.open((error) => {
          if (error) {
            reject(error);
            return;
          }
          wasOpened = true;
          startPresenceCheck();
          resolve();
        });
      }),
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        // A write on a closed SerialPort is queued until the next 'open', which never
        // comes for this instance (a reconnect creates a new one): fail fast instead.
        if (!port.isOpen) {
          reject(new Error(`${path} is not open`));
          return;
        }
        port.write(bytes, (error: Error | null | undefined) => (error ? reject(error) : resolve()));
      }),
    drain: () =>
      new Promise<void>((resolve, reject) => {
        port.drain((error) => (error ? reject(error) : resolve()));
      }),
    close: () =>
      new Promise<void>((resolve) => {
        closingOnPurpose = true;
        stopPresenceCheck();
        if (!port.isOpen) {
          resolve();
          return;
        }
        // A close error leaves nothing to recover: the next attempt uses a new instance.
        port.close(() => resolve());
      }),
    onData: (listener) => {
      data.add(listener);
    },
    onLost: (listener) => {
      lost.add(listener);
    },
  };
  return adapter;
}
