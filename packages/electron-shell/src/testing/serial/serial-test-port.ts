import { SerialPort } from 'serialport';

/**
 * The far end of a socat pair, as a real `serialport` SerialPort: records every byte
 * it receives and writes bytes as a device would. Plays the LED board or the keypad.
 */
export interface SerialTestPort {
  /** All bytes received so far. */
  received(): Buffer;
  write(bytes: Buffer | string): Promise<void>;
  /** Closes the port if it is still open (it is not after its pty disappeared). */
  close(): Promise<void>;
}

export async function openSerialTestPort(path: string, baudRate = 9600): Promise<SerialTestPort> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  const chunks: Buffer[] = [];
  port.on('data', (chunk: Buffer) => chunks.push(chunk));
  // Unplug tests make this port fail too; that is expected, not a test error.
  port.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  return {
    received: () => Buffer.concat(chunks),
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        port.write(bytes, (error: Error | null | undefined) => (error ? reject(error) : resolve()));
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) {
          resolve();
          return;
        }
        port.close(() => resolve());
      }),
  };
}
