/**
 * Session-wide refusals of both shells, written against the few parts of Electron's
 * Session they use so they run in tests without Electron:
 *
 * - every permission request and permission check is denied: no page of the hub needs
 *   one (board voices play through Web Audio, which is an autoplay policy switch, not a
 *   permission; serial devices are driven by the main process, never by a page);
 * - Web Serial / WebHID / WebUSB / Bluetooth device pickers choose nothing and
 *   device permissions are refused;
 * - screen capture requests get no stream;
 * - downloads are cancelled before a save dialog can browse the disk.
 */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setDisplayMediaRequestHandler(handler: (request: unknown, callback: (streams: null) => void) => void): void;
  on(event: 'select-serial-port', listener: (event: PreventableEvent, ports: unknown[], contents: unknown, callback: (portId: string) => void) => void): unknown;
  on(event: 'select-hid-device', listener: (event: PreventableEvent, details: unknown, callback: (deviceId?: string | null) => void) => void): unknown;
  on(event: 'select-usb-device', listener: (event: PreventableEvent, details: unknown, callback: (deviceId?: string) => void) => void): unknown;
  on(event: 'will-download', listener: (event: PreventableEvent, item: { getURL(): string }, contents: unknown) => void): unknown;
}

export function lockDownSession(session: SessionLike, log: (message: string) => void = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    log('denied a serial port request');
    callback('');
  });
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    log('denied a HID device request');
    callback(null);
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    log('denied a USB device request');
    callback();
  });
  session.on('will-download', (event, item) => {
    event.preventDefault();
    log(`cancelled a download of ${item.getURL()}`);
  });
}
