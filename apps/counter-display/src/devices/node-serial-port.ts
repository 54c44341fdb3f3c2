import { stat } from 'node:fs';
import { SerialPort } from 'serialport';
import { ListenerSet } from './listener-set.js';
import type { SerialPortFactory, SerialPortLike } from './serial-port-like.js';

/** How often an open port checks that its device node still exists. */
const PRESENCE_CHECK_MS = 1_000;

/**
 * The default port factory: the real `serialport` package behind the SerialPortLike
 * promise API. Open with autoOpen off so the reconnect loop decides when to open.
 */
export const createNodeSerialPort: SerialPortFactory = ({ path, baudRate }) => {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
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
  // second too. Windows COM ports have no node to look for.
  const startPresenceCheck = () => {
    if (process.platform === 'win32') return;
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
};
