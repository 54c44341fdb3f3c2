/**
 * The font used by raster mode. DejaVu Sans Condensed ships with this module
 * (fonts/, Bitstream Vera licence) because it has every Vietnamese letter and is
 * narrow enough for 48 columns; the common monospace fonts here (DejaVu Sans Mono,
 * Liberation Mono) lack "ố", "ứ" and dozens more.
 */
import { readFileSync } from 'node:fs';
import { TrueTypeFont } from './truetype-font.js';

/**
 * Resolved next to this file. A bundler that moves the code elsewhere (the Electron
 * build) must copy fonts/ along or pass `rasterFontPath`.
 */
export const BUNDLED_FONT_URL = new URL('./fonts/DejaVuSansCondensed.ttf', import.meta.url);

const loaded = new Map<string, TrueTypeFont>();

export function loadRasterFont(path?: string): TrueTypeFont {
  const key = path ?? BUNDLED_FONT_URL.href;
  let font = loaded.get(key);
  if (!font) {
    font = new TrueTypeFont(readFileSync(path ?? BUNDLED_FONT_URL));
    loaded.set(key, font);
  }
  return font;
}
