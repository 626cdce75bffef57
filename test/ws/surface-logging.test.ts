/** Issue 10, logging and small surface fixes: notify with any JSON value, typed errors without credentials, level and redaction at the door. */
import { afterEach, describe, expect, it } from 'vitest';
import { BfxArgumentError } from '../../src/errors.js';
import { createLogger, type BfxLogger } from '../../src/logging/logger.js';
import { createBfxSystem, type BfxSystem } from '../../src/system.js';
import { startHarness, waitFor, type Harness } from './harness.js';

const KEY = 'surface-key-0123456789';
const SECRET = 'surface-secret-9876543210';

function capture(): { logger: BfxLogger; records: Array<{ level: string; obj: object; msg?: string }> } {
  const records: Array<{ level: string; obj: object; msg?: string }> = [];
  const make = (bindings: object): BfxLogger => ({
    error: (obj, msg) => void records.push({ level: 'error', obj: { ...bindings, ...obj }, msg }),
    warn: (obj, msg) => void records.push({ level: 'warn', obj: { ...bindings, ...obj }, msg }),
    info: (obj, msg) => void records.push({ level: 'info', obj: { ...bindings, ...obj }, msg }),
    debug: (obj, msg) => void records.push({ level: 'debug', obj: { ...bindings, ...obj }, msg }),
    child: (more) => make({ ...bindings, ...more }),
  });
  return { logger: make({}), records };
}

let h: Harness | undefined;
let bfx: BfxSystem | undefined;
afterEach(async () => {
  await h?.close();
  await bfx?.close();
  h = bfx = undefined;
});

describe('surface and logging', () => {
  it('notify takes any JSON value, a string included (the seed example)', async () => {
    h = await startHarness({ accounts: [{ apiKey: KEY, apiSecret: SECRET }] }, { apiKey: KEY, apiSecret: SECRET, connections: 1 });
    await expect(h.bfx.ws.notify('the connection was down for a while')).resolves.toMatchObject({ messageId: expect.any(Number) });
    await expect(h.bfx.ws.notify({ text: 'hi' })).resolves.toMatchObject({ messageId: expect.any(Number) });
  });

  it('notify and every input without credentials reject with BfxCredentialsError', async () => {
    bfx = createBfxSystem({ logLevel: 'silent', autoConnect: false });
    await expect(bfx.ws.notify('x')).rejects.toMatchObject({ code: 'ERR_BFX_CREDENTIALS', message: expect.stringContaining('apiKey') });
    await expect(bfx.ws.inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 1 })).rejects.toMatchObject({ code: 'ERR_BFX_CREDENTIALS' });
  });

  it('a bad log level is a BfxArgumentError naming the accepted ones', () => {
    expect(() => createBfxSystem({ logLevel: 'VERBOSE' as 'debug', autoConnect: false })).toThrow(BfxArgumentError);
    expect(() => createLogger({ logLevel: 'VERBOSE' as 'debug' })).toThrow(/expected one of error, ERROR, warn, WARNING/);
  });

  it('a logger the user passes in gets the redaction too', () => {
    const { logger, records } = capture();
    const log = createLogger({ logger }).child({ component: 'x', apiKey: KEY });
    log.warn({ apiSecret: SECRET, nested: { signature: 'sig', ok: 1 } }, 'hello');
    expect(JSON.stringify(records)).not.toContain(KEY);
    expect(JSON.stringify(records)).not.toContain(SECRET);
    expect(JSON.stringify(records)).not.toContain('"sig"');
    expect(records[0]).toMatchObject({ level: 'warn', msg: 'hello', obj: { component: 'x', nested: { ok: 1 } } });
  });

  it('warns above 20 connections (Bitfinex limits new connections per minute)', () => {
    const { logger, records } = capture();
    bfx = createBfxSystem({ logger, connections: 21, autoConnect: false });
    expect(records.some((r) => r.level === 'warn' && /more than 20 connections/.test(r.msg ?? ''))).toBe(true);
  });

  it('a handshake that waited for the connection budget is logged (info), a 429 block of the host too (warn)', async () => {
    const { logger, records } = capture();
    const budget = { public: { count: 1, windowMs: 1_500 }, auth: { count: 1, windowMs: 1_500 }, blockMs: 300 };
    h = await startHarness({}, { logger, connections: 2, eager: true, connectionBudget: budget, backoff: { initialMs: 20, maxMs: 50, jitter: 0 } });
    await waitFor(() => h!.bfx.ws.connections().every((c) => c.state === 'open'), 5_000, 'both open');
    const waited = records.filter((r) => r.msg === 'handshake waited for the connection budget');
    expect(waited).toHaveLength(1);
    expect(waited[0]?.obj).toMatchObject({ conn: 'conn-1', waitedMs: expect.any(Number) });
    h.sim.faults.refuseConnections(4_000, 429);
    h.sim.faults.dropAll();
    await waitFor(() => records.some((r) => r.level === 'warn' && /HTTP 429 at upgrade: no new connection/.test(r.msg ?? '')), 8_000, 'the block logged');
  });
});
