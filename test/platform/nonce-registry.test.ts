/** One nonce registry per process, even with two copies of the module (ESM + CJS builds). */
import { describe, expect, it, vi } from 'vitest';

describe('the nonce registry', () => {
  it('is shared by two separately loaded copies of the module', async () => {
    const a = await import('../../src/auth/nonce.js');
    vi.resetModules();
    const b = await import('../../src/auth/nonce.js');
    expect(b.nonceSourceFor).not.toBe(a.nonceSourceFor); // two copies of the module
    const key = `k-${Math.random()}`;
    const fromA = a.nonceSourceFor(key);
    expect(b.nonceSourceFor(key)).toBe(fromA);
    let last = 0;
    for (let i = 0; i < 5_000; i++) {
      const next = Number((i % 2 === 0 ? a : b).nonceSourceFor(key)());
      expect(next).toBeGreaterThan(last);
      last = next;
    }
  });
});
