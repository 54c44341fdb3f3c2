/**
 * The kiosk's thermal printer driver: plain Node, no Electron. The Electron main
 * process calls printTicket / readPrinterStatus over IPC and shows the result.
 */
export { layoutTicket } from './ticket-layout.js';
export type { PrintableTicket } from './ticket-layout.js';
export type { Align, PaperWidth, PrintCommand } from './print-commands.js';
export { encodeEscPos, EPSON_WPC1258_CODE_PAGE } from './escpos-encoder.js';
export type { EncoderOptions, QrMode, TextMode } from './escpos-encoder.js';
export { decodeCp1258, encodeCp1258 } from './cp1258.js';
export { foldToAscii } from './ascii-fold.js';
export { printTicket, printTestPage, PRINT_DEFAULTS } from './print-ticket.js';
export { layoutTestPage, TEST_LINE } from './test-page-layout.js';
export type { TestPage } from './test-page-layout.js';
export type { PrintOptions, PrintResult, PrintWarning } from './print-ticket.js';
export { readPrinterStatus, sendToPrinter, TRANSPORT_DEFAULTS } from './printer-transport.js';
export type { TransportOptions } from './printer-transport.js';
export { parsePrinterTarget, describeTarget } from './printer-target.js';
export type { PrinterTarget } from './printer-target.js';
export { parseStatusBytes } from './printer-status.js';
export type { PrinterStatus, StatusReading } from './printer-status.js';
export { PrinterError } from './printer-errors.js';
export type { PrinterErrorCode } from './printer-errors.js';
export { buildLpArgs } from './os-printer-transport.js';
export { loadRasterFont, BUNDLED_FONT_URL } from './raster-font.js';
