import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTIONS } from '@layso/shared';
import { describe, expect, it } from 'vitest';

const HUB_SRC = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('audit action kinds', () => {
  it('every dotted action the hub writes is in AUDIT_ACTIONS (which the admin console words)', () => {
    // `action: 'service.update'`, `action: paused ? 'service.pause' : 'service.resume'`, `'clerk.rename'` passed to a helper…
    const written = new Set<string>();
    for (const file of sources(HUB_SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const line of text.split('\n')) {
        if (!/action|audit|this\.change\(|operate\(/.test(line)) continue;
        for (const match of line.matchAll(/'([a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*)'/g)) {
          if (!/\.(js|ts|json|sql|db|html)$/.test(match[1]!)) written.add(match[1]!);
        }
      }
    }
    expect(written.size).toBeGreaterThan(25);
    const known = new Set<string>(AUDIT_ACTIONS);
    expect([...written].filter((action) => !known.has(action)).sort()).toEqual([]);
  });
});
