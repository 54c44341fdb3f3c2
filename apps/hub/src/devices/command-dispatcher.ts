import { randomUUID } from 'node:crypto';
import { PRINTER_COMMANDS, type DeviceCommandAck, type DeviceCommandEvent, type DeviceCommandName, type Role } from '@layso/shared';

/** How long the admin's request waits for the device's answer. */
export const COMMAND_ACK_TIMEOUT_MS = 5_000;

/** The socket side, as the dispatcher needs it (the realtime gateway in the hub). */
export interface CommandTransport {
  isOnline(deviceId: number): boolean;
  sendCommand(deviceId: number, event: DeviceCommandEvent): void;
}

export type CommandOutcome = { timedOut: false; result: { ok: boolean; message?: string } } | { timedOut: true; result: null };

/** Why a command cannot be sent; null when it fits. Printing needs a kiosk; every app can reload. */
export function commandRefusal(role: Role, command: DeviceCommandName): string | null {
  if (role !== 'kiosk' && role !== 'counter' && role !== 'display') return `a ${role} token is not a screen and takes no commands`;
  if (PRINTER_COMMANDS.includes(command) && role !== 'kiosk') return `${command} needs a kiosk's printer`;
  return null;
}

interface Waiting {
  deviceId: number;
  resolve(outcome: CommandOutcome): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Sends remote commands to one device and waits for its acknowledgement. An ack
 * counts only when it comes from the device the command was sent to (a command id
 * alone is not trusted: any connected device could echo one).
 */
export class CommandDispatcher {
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly transport: CommandTransport,
    private readonly timeoutMs = COMMAND_ACK_TIMEOUT_MS,
  ) {}

  /** Null when the device is not connected; otherwise its answer (or a time-out). */
  send(deviceId: number, command: DeviceCommandName): Promise<CommandOutcome> | null {
    if (!this.transport.isOnline(deviceId)) return null;
    const id = randomUUID();
    const outcome = new Promise<CommandOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ timedOut: true, result: null });
      }, this.timeoutMs);
      this.waiting.set(id, { deviceId, resolve, timer });
    });
    this.transport.sendCommand(deviceId, { id, command });
    return outcome;
  }

  /** An ack from `deviceId`; ignored when unknown, late, or from another device. */
  acknowledge(deviceId: number, ack: DeviceCommandAck): void {
    const entry = this.waiting.get(ack.id);
    if (!entry || entry.deviceId !== deviceId) return;
    clearTimeout(entry.timer);
    this.waiting.delete(ack.id);
    entry.resolve({ timedOut: false, result: { ok: ack.ok, ...(ack.message === undefined ? {} : { message: ack.message }) } });
  }

  /** Ends every wait (hub shutdown), so no admin request hangs on a closing hub. */
  close(): void {
    for (const [id, entry] of this.waiting) {
      clearTimeout(entry.timer);
      entry.resolve({ timedOut: true, result: null });
      this.waiting.delete(id);
    }
  }
}
