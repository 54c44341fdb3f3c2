function fields(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A change as "field: before → after" lines (or "field: value" for a creation), short enough for a table cell. */
export function describeChange(before: unknown, after: unknown): string {
  const a = fields(before);
  const b = fields(after);
  if (a || b) {
    const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
    const lines: string[] = [];
    for (const key of keys) {
      // Absent and null say the same ("nothing"): neither is a change, nor worth a line on a creation.
      const was = a ? JSON.stringify(a[key] ?? null) : undefined;
      const is = b ? JSON.stringify(b[key] ?? null) : undefined;
      if (was === is || (!a && is === 'null') || (!b && was === 'null')) continue;
      if (!a) lines.push(`${key}: ${is}`);
      else if (!b) lines.push(`${key}: ${was} → ∅`);
      else lines.push(`${key}: ${was ?? '∅'} → ${is ?? '∅'}`);
    }
    return lines.join('\n');
  }
  if (after !== null && after !== undefined) return JSON.stringify(after);
  if (before !== null && before !== undefined) return `${JSON.stringify(before)} → ∅`;
  return '';
}
