/** Stand-ins for the Electron objects the shell lockdown modules are given (tests only). */
import { EventEmitter } from 'node:events';

export function preventable<T extends object = object>(extra?: T): T & { prevented: boolean; preventDefault(): void } {
  const event = { ...(extra ?? ({} as T)), prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

export class FakeSession extends EventEmitter {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  checkHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  deviceHandler: ((details: unknown) => boolean) | null = null;
  displayHandler: ((request: unknown, callback: (streams: null) => void) => void) | null = null;
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>) {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: NonNullable<FakeSession['deviceHandler']>) {
    this.deviceHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: NonNullable<FakeSession['displayHandler']>) {
    this.displayHandler = handler;
  }
}

export class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
}
