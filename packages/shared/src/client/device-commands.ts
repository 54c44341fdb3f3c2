import { deviceCommandEventSchema, type DeviceCommandAck, type DeviceCommandName } from '../schemas/devices.js';

export interface CommandResult {
  ok: boolean;
  message?: string;
}

/**
 * What a screen does on an admin's remote command. Printing is the kiosk's only;
 * `reload` and `restart-app` answer first and act a moment later, since the page
 * that would send the answer is about to go away.
 */
export type DeviceCommandHandlers = Partial<Record<Extract<DeviceCommandName, 'reprint-last' | 'test-print'>, () => Promise<CommandResult>>> &
  Record<Extract<DeviceCommandName, 'reload' | 'restart-app'>, () => void>;

/** Time for the ack to leave before the page reloads or the app restarts. */
export const ACT_AFTER_ACK_MS = 300;

/** Runs one `device:command` and answers it through `ack`; never throws. */
export async function runDeviceCommand(
  raw: unknown,
  handlers: DeviceCommandHandlers,
  ack: (answer: DeviceCommandAck) => void,
  later: (run: () => void, ms: number) => void = (run, ms) => void globalThis.setTimeout(run, ms),
): Promise<void> {
  const parsed = deviceCommandEventSchema.safeParse(raw);
  if (!parsed.success) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && id.length > 0 && id.length <= 100) ack({ id, ok: false, message: 'unknown command' });
    return;
  }
  const { id, command } = parsed.data;
  if (command === 'reload' || command === 'restart-app') {
    ack({ id, ok: true, message: command === 'reload' ? 'reloading' : 'restarting' });
    later(handlers[command], ACT_AFTER_ACK_MS);
    return;
  }
  const handler = handlers[command];
  if (!handler) {
    ack({ id, ok: false, message: `${command} is not supported on this device` });
    return;
  }
  try {
    const result = await handler();
    ack({ id, ok: result.ok, ...(result.message === undefined ? {} : { message: result.message.slice(0, 300) }) });
  } catch (error) {
    ack({ id, ok: false, message: (error instanceof Error ? error.message : String(error)).slice(0, 300) });
  }
}
