import { describe, expect, it } from 'vitest';
import { hashSecret, verifySecret } from './password-hash.js';

// Cheap parameters keep the unit test fast; the format and checks are the same.
const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('stores the parameters and a random salt in the hash string, never the secret', async () => {
    const a = await hashSecret('correct horse battery', FAST);
    const b = await hashSecret('correct horse battery', FAST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct');
  });

  it('verifies the right secret and refuses a wrong one', async () => {
    const stored = await hashSecret('correct horse battery', FAST);
    expect(await verifySecret('correct horse battery', stored)).toBe(true);
    expect(await verifySecret('correct horse batterY', stored)).toBe(false);
    expect(await verifySecret('', stored)).toBe(false);
  });

  it('verifies with the parameters stored in the hash (default cost too)', async () => {
    const stored = await hashSecret('1234');
    expect(stored.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifySecret('1234', stored)).toBe(true);
  });

  it('treats Vietnamese text in composed and decomposed form as the same password', async () => {
    const stored = await hashSecret('mật khẩu dài đủ', FAST);
    expect(await verifySecret('mật khẩu dài đủ'.normalize('NFD'), stored)).toBe(true);
  });

  it.each(['', 'plain', 'scrypt$1024$8$1$c2FsdA==', 'bcrypt$1$2$3$4$5', 'scrypt$x$8$1$c2FsdA==$aGFzaA==', 'scrypt$1024$8$1$c2FsdA==$c2hvcnQ='])(
    'refuses a stored string it did not write: %s',
    async (stored) => {
      expect(await verifySecret('anything', stored)).toBe(false);
    },
  );
});
