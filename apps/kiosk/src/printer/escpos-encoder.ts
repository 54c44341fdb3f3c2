/**
 * Print commands → ESC/POS bytes. Text goes out in one of three modes, chosen per
 * printer model because support for Vietnamese varies:
 * - `cp1258`: the printer's WPC1258 code page, with our own Windows-1258 encoder
 *   (node-thermal-printer's goes through iconv-lite, which has no precomposed ố, ầ,
 *   ứ in CP1258, and sends other tables' bytes: "Số" prints as "Sè", see docs/kiosk.md);
 * - `raster`: every line drawn as an image from a bundled TrueType font (GS v 0),
 *   for printers with no Vietnamese table;
 * - `ascii`: diacritics folded away ("Tu phap"), when nothing else works.
 */
import { foldToAscii } from './ascii-fold.js';
import * as cmd from './escpos-commands.js';
import { encodeCp1258 } from './cp1258.js';
import { PAPER_COLUMNS, PAPER_DOTS } from './print-commands.js';
import type { PaperWidth, PrintCommand, TextCommand } from './print-commands.js';
import { renderQrCode } from './qr-raster.js';
import { loadRasterFont } from './raster-font.js';
import { renderDivider, renderTextLine } from './text-raster.js';
import type { TrueTypeFont } from './truetype-font.js';

export type TextMode = 'cp1258' | 'raster' | 'ascii';
export type QrMode = 'native' | 'raster';

/**
 * ESC t 52 is WPC1258 in Epson's ESC/POS code table list (page 52 of the "ESC t"
 * reference, present on TM-T88/TM-T82 models whose firmware carries it), and
 * node-thermal-printer, python-escpos and escpos-printer-db use the same number.
 * Chinese clones (Xprinter, Rongta, …) number their tables their own way, and not
 * always the same between firmware versions: read the number listed for WPC1258 /
 * "Vietnam" on the printer's self-test page and set `codePage`. Not checked on
 * real hardware here.
 */
export const EPSON_WPC1258_CODE_PAGE = 52;

/** ESC t 0 (PC437): every table agrees on ASCII, this one is present everywhere. */
const ASCII_CODE_PAGE = 0;

/** 6-dot modules keep a status URL QR code (~33 modules) about 25 mm wide. */
export const DEFAULT_QR_MODULE_DOTS = 6;

export interface EncoderOptions {
  paper: PaperWidth;
  textMode: TextMode;
  /** ESC t n used in cp1258 mode; defaults to Epson's 52. */
  codePage?: number;
  /** `native` uses the printer's GS ( k QR command; `raster` draws it (older printers). */
  qrMode?: QrMode;
  qrModuleDots?: number;
  /** Raster-mode font; defaults to the bundled DejaVu Sans Condensed. */
  rasterFont?: TrueTypeFont;
}

export function encodeEscPos(commands: readonly PrintCommand[], options: EncoderOptions): Buffer {
  const columns = PAPER_COLUMNS[options.paper];
  const dots = PAPER_DOTS[options.paper];
  const qrModuleDots = options.qrModuleDots ?? DEFAULT_QR_MODULE_DOTS;
  const font = options.textMode === 'raster' ? (options.rasterFont ?? loadRasterFont()) : undefined;
  const parts: Buffer[] = [cmd.initialize()];
  if (options.textMode === 'cp1258') parts.push(cmd.selectCodePage(options.codePage ?? EPSON_WPC1258_CODE_PAGE));
  if (options.textMode === 'ascii') parts.push(cmd.selectCodePage(ASCII_CODE_PAGE));

  const encodeText = (text: string): Buffer =>
    options.textMode === 'cp1258' ? encodeCp1258(text) : Buffer.from(foldToAscii(text), 'ascii');

  const textLine = (command: TextCommand): void => {
    if (font) {
      parts.push(cmd.justify('left'), cmd.rasterImage(renderTextLine(command.text, command, dots, font)));
      return;
    }
    parts.push(
      cmd.justify(command.align),
      cmd.emphasize(command.bold),
      cmd.characterSize(command.size, command.size),
      encodeText(command.text),
      Buffer.from([cmd.LF]),
    );
  };

  for (const command of commands) {
    switch (command.kind) {
      case 'text':
        textLine(command);
        break;
      case 'divider':
        if (font) parts.push(cmd.justify('left'), cmd.rasterImage(renderDivider(dots)));
        else textLine({ kind: 'text', text: '-'.repeat(columns), align: 'left', bold: false, size: 1 });
        break;
      case 'qr':
        if ((options.qrMode ?? 'native') === 'native') {
          parts.push(cmd.justify('center'), cmd.qrCode(Buffer.from(command.payload, 'utf8'), qrModuleDots));
        } else {
          parts.push(cmd.justify('left'), cmd.rasterImage(renderQrCode(command.payload, qrModuleDots, dots)));
        }
        break;
      case 'feed':
        parts.push(cmd.feedLines(command.lines));
        break;
      case 'cut':
        parts.push(cmd.feedAndCut());
        break;
    }
  }
  return Buffer.concat(parts);
}
