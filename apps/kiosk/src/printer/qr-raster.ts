/**
 * A QR code drawn as an image, for printers without the native GS ( k symbol
 * command. The qrcode package does the encoding; we only place the modules.
 */
import QRCode from 'qrcode';
import { MonoBitmap } from './mono-bitmap.js';

/** The standard asks for a 4-module quiet zone; the paper margin does not count. */
const QUIET_ZONE = 4;

export function renderQrCode(payload: string, moduleDots: number, widthDots: number): MonoBitmap {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const side = (modules.size + 2 * QUIET_ZONE) * moduleDots;
  if (side > widthDots) throw new RangeError(`QR code (${side} dots) is wider than the paper (${widthDots} dots)`);
  const bitmap = new MonoBitmap(widthDots, side);
  const left = Math.floor((widthDots - modules.size * moduleDots) / 2);
  const top = QUIET_ZONE * moduleDots;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < moduleDots; dy++) {
        for (let dx = 0; dx < moduleDots; dx++) bitmap.set(left + col * moduleDots + dx, top + row * moduleDots + dy);
      }
    }
  }
  return bitmap;
}
