/**
 * Text that goes to a device as bytes (a ticket printer, an LED board) must not carry
 * control characters: ESC, GS, DLE… are printer commands (cut, open the cash drawer,
 * switch code page, print a logo from memory). C0 (U+0000–U+001F), DEL (U+007F) and
 * C1 (U+0080–U+009F) are removed; tabs and line breaks become spaces so words stay
 * apart.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const SPACING = /[\t\n\v\f\r\u0085]/g;

export function stripControlChars(text: string): string {
  return text.replace(SPACING, ' ').replace(CONTROL, '');
}
