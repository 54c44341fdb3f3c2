/**
 * The printer-neutral command model: what a ticket says and how it is laid out,
 * without any byte of ESC/POS. The layout produces it; an encoder turns it into bytes.
 */
export type Align = 'left' | 'center' | 'right';

/** Paper roll width. Font A is 12 dots wide: 576 dots → 48 columns, 384 dots → 32. */
export type PaperWidth = '80mm' | '58mm';

export interface TextCommand {
  kind: 'text';
  /** One printed line, already wrapped to the paper; never contains a newline. */
  text: string;
  align: Align;
  bold: boolean;
  /** 1 = normal, 2 = double width and double height. */
  size: 1 | 2;
}

export interface DividerCommand {
  kind: 'divider';
}

export interface QrCommand {
  kind: 'qr';
  payload: string;
}

export interface FeedCommand {
  kind: 'feed';
  lines: number;
}

export interface CutCommand {
  kind: 'cut';
}

export type PrintCommand = TextCommand | DividerCommand | QrCommand | FeedCommand | CutCommand;

export const PAPER_COLUMNS: Record<PaperWidth, number> = { '80mm': 48, '58mm': 32 };

/** Printable dots across the head at 203 dpi (72 mm and 48 mm). */
export const PAPER_DOTS: Record<PaperWidth, number> = { '80mm': 576, '58mm': 384 };
