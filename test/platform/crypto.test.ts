/** The WebCrypto HMAC adapter: equal to node:crypto's HMAC, and settling in call order. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha384Hex } from '../../src/platform/crypto.js';

describe('hmacSha384Hex on WebCrypto', () => {
  it('matches node:crypto for ASCII and UTF-8 input', async () => {
    for (const [secret, message] of [['secret', '/api/v2/auth/r/wallets1700000000000000{}'], ['s€crét', 'AUTH123 ✓'], ['', '']]) {
      expect(await hmacSha384Hex(secret, message)).toBe(createHmac('sha384', secret).update(message, 'utf8').digest('hex'));
    }
  });

  it('settles in call order even when later calls are cheaper', async () => {
    const order: number[] = [];
    const long = 'x'.repeat(2_000_000);
    await Promise.all([
      hmacSha384Hex('k1', long).then(() => order.push(0)),
      hmacSha384Hex('k2', 'short').then(() => order.push(1)),
      hmacSha384Hex('k3', 'short').then(() => order.push(2)),
    ]);
    expect(order).toEqual([0, 1, 2]);
  });
});
