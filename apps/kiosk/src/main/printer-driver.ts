/** The real printer module behind the PrinterDriver seam (loads serialport, so main only). */
import { printTestPage, printTicket, readPrinterStatus } from '../printer/index.js';
import type { PrinterDriver } from './printer-service.js';

export const printerDriver: PrinterDriver = { printTicket, printTestPage, readPrinterStatus };
