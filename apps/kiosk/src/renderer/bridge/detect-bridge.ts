/**
 * The Electron shell's `window.layso`, or null in a plain browser (then the kiosk
 * shows the number on screen and asks the citizen to remember it).
 */
import type { KioskBridge } from '../../main/bridge-api.js';

export function detectBridge(target: object = window): KioskBridge | null {
  const candidate = (target as { layso?: Partial<KioskBridge> }).layso;
  if (!candidate || typeof candidate !== 'object') return null;
  // A shell older than this renderer may lack calls: use it only if it speaks version 1.
  if (candidate.version !== 1 || typeof candidate.printTicket !== 'function' || typeof candidate.printerStatus !== 'function') return null;
  return candidate as KioskBridge;
}
