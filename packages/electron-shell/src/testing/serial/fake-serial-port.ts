import type { SerialPortFactory, SerialPortLike, SerialPortOpenOptions } from '../../serial/serial-port-like.js';

/** An in-memory SerialPortLike whose device can be plugged, unplugged and fed bytes. */
export class FakeSerialPort implements SerialPortLike {
  isOpen = false;
  readonly writes: Buffer[] = [];
  private dataListeners: ((chunk: Buffer) => void)[] = [];
  private lostListeners: ((error: Error) => void)[] = [];

  constructor(
    readonly options: SerialPortOpenOptions,
    private readonly device: FakeSerialDevice,
  ) {}

  async open(): Promise<void> {
    if (!this.device.present) throw new Error(`ENOENT: ${this.options.path}`);
    this.isOpen = true;
  }

  async write(data: Buffer): Promise<void> {
    if (!this.isOpen) throw new Error('not open');
    if (this.device.failWrites) throw new Error('EIO: write failed');
    this.writes.push(Buffer.from(data));
    this.device.written.push(Buffer.from(data));
  }

  async drain(): Promise<void> {
    if (!this.isOpen) throw new Error('not open');
  }

  async close(): Promise<void> {
    this.isOpen = false;
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.dataListeners.push(listener);
  }

  onLost(listener: (error: Error) => void): void {
    this.lostListeners.push(listener);
  }

  receive(bytes: Buffer | string): void {
    const chunk = Buffer.from(bytes);
    for (const listener of this.dataListeners) listener(chunk);
  }

  lose(error: Error): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    for (const listener of this.lostListeners) listener(error);
  }
}

/**
 * The device behind a path, outliving individual port instances (the driver makes a
 * new port per reconnect attempt, as with the real package).
 */
export class FakeSerialDevice {
  present = true;
  failWrites = false;
  readonly ports: FakeSerialPort[] = [];
  /** Every chunk written through any port instance, in order. */
  readonly written: Buffer[] = [];

  readonly factory: SerialPortFactory = (options) => {
    const port = new FakeSerialPort(options, this);
    this.ports.push(port);
    return port;
  };

  /** The currently open port, if any. */
  get openPort(): FakeSerialPort | undefined {
    return this.ports.find((port) => port.isOpen);
  }

  unplug(): void {
    this.present = false;
    this.openPort?.lose(new Error('disconnected'));
  }

  plugIn(): void {
    this.present = true;
  }

  receive(bytes: Buffer | string): void {
    const port = this.openPort;
    if (!port) throw new Error('no open port to receive on');
    port.receive(bytes);
  }
}
