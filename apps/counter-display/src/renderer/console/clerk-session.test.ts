import { describe, expect, it } from 'vitest';
import { loadClerk, normalizeClerkName, saveClerk } from './clerk-session.js';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('clerk session', () => {
  it('normalizes names and refuses empty or overlong ones', () => {
    expect(normalizeClerkName('  Nguyễn   Văn  An ')).toBe('Nguyễn Văn An');
    expect(normalizeClerkName('   ')).toBeNull();
    expect(normalizeClerkName('x'.repeat(81))).toBeNull();
  });

  it('keeps the name across reloads until the clerk signs out', () => {
    const storage = memoryStorage();
    expect(loadClerk(storage)).toBeNull();
    saveClerk(storage, 'Trần Thị Bình');
    expect(loadClerk(storage)).toBe('Trần Thị Bình');
    saveClerk(storage, null);
    expect(loadClerk(storage)).toBeNull();
  });
});
