/**
 * Simulator routes of the endpoints issue 15 added to the client: VASPs, OTC orders history,
 * position funding type, the deposit address list, Thalex transfers and free counts, LNX invoice
 * payments and authenticated Pulse. Shapes follow the client's notes (docs pages or official
 * clients); where a shape is [UNCERTAIN] the answer is plausible, not authoritative.
 *
 * @module
 */
import { SimHttpError, type MarketEngine, type SimRoute } from '../contracts.js';
import type { ExchangeAccount } from '../exchange/account.js';
import { authRoute, invalid, optNumber, optString, reqNumber, reqString } from '../exchange/rest/common.js';
import { pulseProfile } from './public/social-data.js';

const VASPS = [
  { id: 'did:ethr:0x5d0f0c5bb1a4a1b2c3d4e5f60718293a4b5c6d7e', name: 'Example Exchange Ltd' },
  { id: 'did:ethr:0x8a1e2f3b4c5d6e7f8091a2b3c4d5e6f708192a3b', name: 'Sample Custody AG' },
  { id: 'did:ethr:0x1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d', name: 'Demo Wallet Inc' },
];

/** Per-account state of these routes. */
interface ExtraState {
  freeDeposits: number;
  freeWithdrawals: number;
  transfers: number;
  readonly pulses: unknown[][];
}

const states = new WeakMap<ExchangeAccount, ExtraState>();
const stateOf = (acc: ExchangeAccount): ExtraState => {
  let s = states.get(acc);
  if (s === undefined) {
    s = { freeDeposits: 2, freeWithdrawals: 2, transfers: 0, pulses: [] };
    states.set(acc, s);
  }
  return s;
};

const seconds = (ms: number): number => Math.floor(ms / 1000);

function otcOrderRow(acc: ExchangeAccount, symbol: string, i: number): unknown[] {
  const mts = acc.ctx.now() - (i + 1) * 86_400_000;
  const amount = i % 2 === 0 ? 5 : -5;
  const price = 50_000 + i * 100;
  const row: unknown[] = [9_000_000_000 + i, null, mts, symbol, mts, mts, 0, amount, 'EXCHANGE LIMIT', null, null, null, 0,
    `EXECUTED @ ${price}(${amount})`, null, null, price, price, 0, 0, null, null, null, 0, 0, null, null, null, 'OTC', null, null, {}];
  return row;
}

function thalex(acc: ExchangeAccount, body: Record<string, unknown>, type: 'deposit' | 'withdraw'): Record<string, unknown> {
  const provider = body.provider ?? 'thalex';
  if (provider !== 'thalex') invalid('provider');
  const ccy = body.ccy;
  if (ccy !== 'USE' && ccy !== 'ETH' && ccy !== 'BTC') invalid('ccy');
  const amount = typeof body.amount === 'string' || typeof body.amount === 'number' ? Number(body.amount) : Number.NaN;
  if (!(amount > 0)) invalid('amount');
  if (typeof body.tfaToken !== 'object' || body.tfaToken === null) throw new SimHttpError(10100, 'tfaToken: invalid');
  const s = stateOf(acc);
  const free = type === 'deposit' ? s.freeDeposits > 0 : s.freeWithdrawals > 0;
  if (type === 'deposit') s.freeDeposits = Math.max(0, s.freeDeposits - 1);
  else s.freeWithdrawals = Math.max(0, s.freeWithdrawals - 1);
  const now = acc.ctx.now();
  s.transfers++;
  return {
    type, addressDest: '0x7a1b2c3d4e5f60718293a4b5c6d7e8f901234567', amount: String(body.amount), ccy,
    createdAt: now, updatedAt: now, id: `thx-${acc.ctx.now()}-${s.transfers}`, status: 'PENDING', fee: free ? '0' : '1',
  };
}

function lnxPayments(acc: ExchangeAccount, action: string, query: Record<string, unknown>): unknown {
  const now = acc.ctx.now();
  const item = (i: number): Record<string, unknown> => ({
    payment_hash: `lnx${(now - i * 60_000).toString(16)}`, created_at: now - i * 60_000, invoice_expiry: now - i * 60_000 + 3_600_000,
    invoice: `lnbc${1000 * (i + 1)}n1sim${i}`, recipient_pub_key: '02a1b2c3d4e5f60718293a4b5c6d7e8f90', memo: `sim ${i}`,
    amount: 100_000 * (i + 1), bfx_amount: (0.001 * (i + 1)).toFixed(3), status: i === 0 ? 'PENDING' : 'PAID',
  });
  if (action === 'getInvoiceById' || action === 'getPaymentById') {
    if (typeof query.txid !== 'string' || query.txid === '') invalid('txid');
    return { ...item(0), payment_hash: query.txid };
  }
  const offset = typeof query.offset === 'number' ? query.offset : 0;
  return [0, 1, 2].map((i) => item(i + offset));
}

function pulseRow(acc: ExchangeAccount, body: Record<string, unknown>, n: number): unknown[] {
  const profile = pulseProfile(acc.state.username);
  const mts = acc.ctx.now();
  const flag = (v: unknown): number => (v === 1 || v === true ? 1 : 0);
  const attachments = Array.isArray(body.attachments) ? body.attachments : [];
  return [`p-sim-${mts}-${n}`, mts, null, profile[0], null, typeof body.title === 'string' ? body.title : null, body.content,
    null, null, flag(body.isPin), body.isPublic === undefined ? 1 : flag(body.isPublic), 0, [], attachments, [], 0, null, null,
    [profile], 0, null, null];
}

/** The routes (registered by `createBfxSimulator`). */
export function extraRoutes(market: MarketEngine): SimRoute[] {
  return [
    { method: 'GET', path: 'ext/vasps', handler: () => VASPS },
    authRoute('auth/r/orders/otc/{symbol}/hist', 'history', 'read', (acc, req) => {
      const symbol = req.params.symbol ?? '';
      if (!market.isTradingPair(symbol)) invalid('symbol');
      const limit = optNumber(req, 'limit') ?? 25;
      return Array.from({ length: Math.min(limit, 3) }, (_, i) => otcOrderRow(acc, symbol, i));
    }),
    authRoute('auth/w/position/update/funding/type', 'positions', 'write', (acc, req) => {
      const symbol = reqString(req, 'symbol');
      if (!market.isTradingPair(symbol)) invalid('symbol');
      const type = reqNumber(req, 'type');
      if (type !== 0 && type !== 1) invalid('type');
      return [seconds(acc.ctx.now()), 'puft-req', null, null, null, null, 'SUCCESS', `Funding type of ${symbol} set to ${type === 0 ? 'daily' : 'term'}`];
    }),
    authRoute('auth/r/deposit/address/all', 'wallets', 'read', (acc, req) => {
      const method = reqString(req, 'method');
      const page = optNumber(req, 'page') ?? 1;
      const pageSize = optNumber(req, 'pageSize') ?? 20;
      if (!Number.isInteger(page) || page < 1) invalid('page');
      if (!Number.isInteger(pageSize) || pageSize < 20 || pageSize > 100) invalid('pageSize');
      const all = ['exchange', 'margin', 'funding'].map((wallet, i) => [`${method.slice(0, 3)}1q${acc.state.userId}sim${i}`, wallet]);
      return all.slice((page - 1) * pageSize, page * pageSize);
    }),
    authRoute('auth/w/ext/wallets/deposits/request', 'wallets', 'write', (acc, req) => thalex(acc, req.body, 'deposit')),
    authRoute('auth/w/ext/wallets/withdrawals/request', 'wallets', 'write', (acc, req) => thalex(acc, req.body, 'withdraw')),
    authRoute('auth/r/ext/wallets/transfers/free/count', 'wallets', 'read', (acc, req) => {
      if (reqString(req, 'Provider') !== 'thalex') invalid('Provider');
      const s = stateOf(acc);
      const resets = acc.ctx.now() + 86_400_000;
      return {
        deposits: { available: s.freeDeposits, resetsAt: s.freeDeposits < 2 ? resets : null },
        withdrawals: { available: s.freeWithdrawals, resetsAt: s.freeWithdrawals < 2 ? resets : null },
      };
    }),
    authRoute('auth/r/ext/invoice/payments', 'wallets', 'read', (acc, req) => {
      const action = reqString(req, 'action');
      if (!['getPaymentsByUser', 'getInvoicesByUser', 'getInvoiceById', 'getPaymentById'].includes(action)) invalid('action');
      const query = req.body.query;
      if (typeof query !== 'object' || query === null || Array.isArray(query)) invalid('query');
      return lnxPayments(acc, action, query as Record<string, unknown>);
    }),
    authRoute('auth/r/pulse/hist', 'account', 'read', (acc, req) => {
      const isPublic = optNumber(req, 'isPublic');
      const rows = stateOf(acc).pulses;
      return isPublic === undefined ? [...rows].reverse() : rows.filter((r) => r[10] === isPublic).reverse();
    }),
    authRoute('auth/w/pulse/add', 'account', 'write', (acc, req) => {
      const content = reqString(req, 'content');
      if (content.length > 5000) invalid('content');
      const s = stateOf(acc);
      const row = pulseRow(acc, req.body, s.pulses.length);
      s.pulses.push(row);
      return [row];
    }),
    authRoute('auth/w/pulse/del', 'account', 'write', (acc, req) => {
      const pid = optString(req, 'pid');
      if (pid === undefined) invalid('pid');
      const s = stateOf(acc);
      const i = s.pulses.findIndex((r) => r[0] === pid);
      if (i >= 0) s.pulses.splice(i, 1);
      return [i >= 0 ? 1 : 0];
    }),
  ];
}
