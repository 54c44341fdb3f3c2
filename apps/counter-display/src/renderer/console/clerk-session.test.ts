import { describe, expect, it } from 'vitest';
import { isPinShaped, loadClerk, normalizeClerkCode, normalizeClerkName, saveClerk } from './clerk-session.js';

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

  it('accepts clerk codes and PINs only in the shapes the hub accepts', () => {
    expect(normalizeClerkCode('  an01 ')).toBe('an01');
    expect(normalizeClerkCode('an 01')).toBeNull();
    expect(normalizeClerkCode('')).toBeNull();
    expect(normalizeClerkCode('x'.repeat(21))).toBeNull();
    expect(isPinShaped('2468')).toBe(true);
    expect(isPinShaped('12345678')).toBe(true);
    expect(isPinShaped('123')).toBe(false);
    expect(isPinShaped('123456789')).toBe(false);
    expect(isPinShaped('12a4')).toBe(false);
  });
});
