/**
 * Vietnamese written without diacritics ("Tư pháp" → "Tu phap"), the way SMS are
 * written: for SMS, printers without a code page and ASCII file names. One function
 * so the three places that need it fold the same letters the same way.
 *
 * NFD splits a precomposed letter into its base and combining marks (tones, the
 * circumflex, breve and horn), which are dropped. Đ/đ are letters of their own with no
 * combining mark to strip, so they are mapped by hand. Anything else is left as it is:
 * callers decide what to do with the rest (a printer prints "?", a file name "_").
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
