import { describe, expect, it } from 'vitest';
import { ALICE, BOB, fixture, sign } from './exchange-fixtures.js';

describe('SimExchange.verify', () => {
  const restPayload = (nonce: string, body = '{}') => `/api/v2/auth/r/wallets${nonce}${body}`;

  it('rejects an unknown key and a bad signature with 10100', () => {
    const { exchange } = fixture();
    expect(exchange.verify('nobody', 1, 'AUTH1', sign('x', 'AUTH1'))).toEqual({ ok: false, code: 10100, msg: 'apikey: invalid' });
    expect(exchange.verify(ALICE.apiKey, 1, 'AUTH1', sign('wrong', 'AUTH1'))).toEqual({ ok: false, code: 10100, msg: 'apikey: digest invalid' });
    expect(exchange.verify(ALICE.apiKey, 1, 'AUTH1', 'not-hex')).toMatchObject({ ok: false, code: 10100 });
  });

  it('accepts a valid signature and returns the account', () => {
    const { exchange } = fixture();
    const r = exchange.verify(ALICE.apiKey, 5, 'AUTH5', sign(ALICE.apiSecret, 'AUTH5'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.account.apiKey).toBe(ALICE.apiKey);
  });

  it('requires strictly increasing nonces, one counter per key shared by REST and WS', () => {
    const { exchange } = fixture();
    const ws = (n: number) => exchange.verify(ALICE.apiKey, n, `AUTH${n}`, sign(ALICE.apiSecret, `AUTH${n}`));
    const rest = (n: string) => exchange.verify(ALICE.apiKey, n, restPayload(n), sign(ALICE.apiSecret, restPayload(n)));
    expect(ws(100).ok).toBe(true);
    expect(rest('100')).toEqual({ ok: false, code: 10114, msg: 'nonce: small' });
    expect(rest('101').ok).toBe(true);
    expect(ws(101)).toMatchObject({ ok: false, code: 10114 });
    expect(ws(50)).toMatchObject({ ok: false, code: 10114 });
    // Bob's counter is independent.
    expect(exchange.verify(BOB.apiKey, 1, 'AUTH1', sign(BOB.apiSecret, 'AUTH1')).ok).toBe(true);
  });

  it('compares digit strings numerically up to 2^53-1 and refuses larger or malformed nonces', () => {
    const { exchange } = fixture();
    const v = (n: string) => exchange.verify(ALICE.apiKey, n, `AUTH${n}`, sign(ALICE.apiSecret, `AUTH${n}`));
    expect(v('900719925474099').ok).toBe(true);
    expect(v('9007199254740990').ok).toBe(true);
    expect(v('10000000000000').ok).toBe(false);
    expect(v('9007199254740991').ok).toBe(true);
    expect(v('9007199254740992')).toMatchObject({ ok: false, code: 10114 });
    expect(v('12abc')).toMatchObject({ ok: false, code: 10114 });
  });

  it('does not advance the nonce on a failed signature', () => {
    const { exchange } = fixture();
    expect(exchange.verify(ALICE.apiKey, 1000, 'AUTH1000', sign('wrong', 'AUTH1000')).ok).toBe(false);
    expect(exchange.verify(ALICE.apiKey, 10, 'AUTH10', sign(ALICE.apiSecret, 'AUTH10')).ok).toBe(true);
  });

  it('lists its accounts', () => {
    const { exchange } = fixture();
    expect(exchange.accounts().map((a) => a.apiKey)).toEqual([ALICE.apiKey, BOB.apiKey]);
    expect(exchange.account('nobody')).toBeUndefined();
  });
});
