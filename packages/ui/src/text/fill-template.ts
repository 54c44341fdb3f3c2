/**
 * UI wording with values in it: "Quầy số {n}" + { n: 86 } → "Quầy số 86". A name with
 * no value stays as written ("{n}"), so a missing value shows on screen as a visible
 * slip rather than as "undefined".
 */
export type TemplateValues = Readonly<Record<string, string | number | undefined>>;

export function fillTemplate(template: string, values: TemplateValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? placeholder : String(value);
  });
}
