import type { PrinterHealthReport } from '@layso/shared';
import type { Translate } from '../i18n/use-text.js';

/** A kiosk printer's last reported state in words, and how worrying it is. */
export function printerText(t: Translate, printer: PrinterHealthReport | null): { text: string; tone: 'ok' | 'warn' | 'bad' | 'muted' } {
  if (!printer) return { text: '—', tone: 'muted' };
  switch (printer.state) {
    case 'ready':
      return printer.paperNearEnd ? { text: t('printer_paperNearEnd'), tone: 'warn' } : { text: t('printer_ready'), tone: 'ok' };
    case 'not-ready':
      return { text: t('printer_notReady', { message: printer.message || printer.code }), tone: 'bad' };
    case 'not-configured':
      return { text: t('printer_notConfigured'), tone: 'muted' };
    default:
      return { text: t('printer_unknown'), tone: 'muted' };
  }
}
