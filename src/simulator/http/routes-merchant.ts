/**
 * The Bitfinex Pay (merchant) REST routes of the simulator: the 15 endpoints of the Python v3
 * surface §2.5 over an in-memory store, answering camelCase JSON objects. Every route is
 * `auth: true` and needs the `bfxpay` permission. Bad parameters → 10020 `<field>: invalid`.
 *
 * @module
 */
import type { SimExchange, SimRequest, SimRoute } from '../contracts.js';
import type { ExchangeAccount } from '../exchange/account.js';
import {
  invoiceAddress,
  MERCHANT_SETTING_KEYS,
  merchantStore,
  type MerchantInvoice,
} from '../exchange/merchant.js';
import { toNumber } from '../exchange/numbers.js';
import { authRoute, invalid, optNumber, optString, reqNumber, reqString } from '../exchange/rest/common.js';

function route(path: string, mode: 'read' | 'write', handler: (acc: ExchangeAccount, req: SimRequest) => unknown): SimRoute {
  return authRoute(path, 'bfxpay', mode, handler);
}

function strings(req: SimRequest, name: string, required: boolean): string[] {
  const v = req.body[name];
  if (v === undefined && !required) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string') || (required && v.length === 0)) invalid(name);
  return v as string[];
}

function findInvoice(acc: ExchangeAccount, req: SimRequest): MerchantInvoice {
  const id = reqString(req, 'id');
  return merchantStore(acc).invoices.find((i) => i.id === id) ?? invalid('id');
}

function createInvoice(acc: ExchangeAccount, req: SimRequest): MerchantInvoice {
  const amount = toNumber(req.body.amount);
  if (amount === undefined || amount <= 0) invalid('amount');
  const currency = reqString(req, 'currency');
  const orderId = reqString(req, 'orderId');
  const payCurrencies = strings(req, 'payCurrencies', true);
  const customerInfo = req.body.customerInfo;
  if (typeof customerInfo !== 'object' || customerInfo === null || Array.isArray(customerInfo)) invalid('customerInfo');
  const duration = optNumber(req, 'duration') ?? 900;
  const t = acc.ctx.now();
  const id = invoiceAddress(acc.userId, orderId, t, acc.ctx.ids.next('misc')).slice(0, 8) + '-' + String(t).slice(-6);
  const invoice: MerchantInvoice = {
    id, t, type: 'ECOMMERCE', duration, amount, currency, orderId, payCurrencies,
    webhook: optString(req, 'webhook') ?? null, redirectUrl: optString(req, 'redirectUrl') ?? null, status: 'CREATED',
    customerInfo: customerInfo as Record<string, unknown>,
    invoices: payCurrencies.map((pc) => ({ amount, currency, payCurrency: pc, poolCurrency: pc, address: invoiceAddress(id, pc), ext: {} })),
    payment: null, additionalPayments: [], merchantName: acc.state.username,
  };
  merchantStore(acc).invoices.push(invoice);
  return invoice;
}

function paginated(acc: ExchangeAccount, req: SimRequest): Record<string, unknown> {
  const page = optNumber(req, 'page') ?? 1;
  const pageSize = optNumber(req, 'pageSize') ?? 10;
  if (!Number.isInteger(page) || page < 1) invalid('page');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) invalid('pageSize');
  const sort = optString(req, 'sort') ?? 'asc';
  if (sort !== 'asc' && sort !== 'desc') invalid('sort');
  const sortField = optString(req, 'sortField') ?? 't';
  if (!['t', 'amount', 'status'].includes(sortField)) invalid('sortField');
  const status = strings(req, 'status', false);
  const fiat = strings(req, 'fiat', false);
  const crypto = strings(req, 'crypto', false);
  const id = optString(req, 'id');
  const orderId = optString(req, 'orderId');
  const items = merchantStore(acc).invoices.filter(
    (i) => (status.length === 0 || status.includes(i.status)) && (fiat.length === 0 || fiat.includes(i.currency)) &&
      (crypto.length === 0 || i.payCurrencies.some((c) => crypto.includes(c))) && (id === undefined || i.id === id) &&
      (orderId === undefined || i.orderId === orderId),
  );
  const key = sortField as 't' | 'amount' | 'status';
  items.sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0) * (sort === 'asc' ? 1 : -1));
  return {
    page, pageSize, sort, sortField, totalPages: Math.ceil(items.length / pageSize), totalItems: items.length,
    items: items.slice((page - 1) * pageSize, page * pageSize),
  };
}

const FORMATS: Readonly<Record<string, number>> = { Y: 4, M: 7, W: 10, D: 10 };

function stats(acc: ExchangeAccount, req: SimRequest, value: (i: MerchantInvoice) => number, keep: (i: MerchantInvoice) => boolean): unknown[] {
  const format = reqString(req, 'format');
  const len = FORMATS[format] ?? invalid('format');
  const buckets = new Map<string, number>();
  for (const i of merchantStore(acc).invoices.filter(keep)) {
    const time = new Date(i.t).toISOString().slice(0, len);
    buckets.set(time, (buckets.get(time) ?? 0) + value(i));
  }
  return [...buckets].map(([time, count]) => ({ time, count }));
}

function conversion(acc: ExchangeAccount, req: SimRequest, add: boolean): boolean {
  const baseCcy = reqString(req, 'baseCcy');
  const convertCcy = reqString(req, 'convertCcy');
  const list = merchantStore(acc).conversions;
  const at = list.findIndex((c) => c.baseCcy === baseCcy && c.convertCcy === convertCcy);
  if (add && at < 0) list.push({ baseCcy, convertCcy, created: acc.ctx.now() });
  if (!add && at >= 0) list.splice(at, 1);
  return true;
}

function settingKey(req: SimRequest): string {
  const key = reqString(req, 'key');
  return MERCHANT_SETTING_KEYS.includes(key) ? key : invalid('key');
}

function timeWindow<T extends Record<string, unknown>>(rows: readonly T[], field: string, from: number | undefined, to: number | undefined): T[] {
  return rows.filter((r) => {
    const t = r[field] as number;
    return (from === undefined || t >= from) && (to === undefined || t <= to);
  });
}

/** Build the 15 merchant routes (plus the `/auth/…` double-slash variant of unlinked deposits the Python client sends). */
export function merchantRoutes(_exchange: SimExchange): SimRoute[] {
  const unlinked = (acc: ExchangeAccount, req: SimRequest): unknown[] => {
    const ccy = optString(req, 'ccy');
    const rows = merchantStore(acc).unlinked.filter((d) => ccy === undefined || d.currency === ccy);
    return timeWindow(rows, 'createdAt', optNumber(req, 'start'), optNumber(req, 'end'));
  };
  return [
    route('auth/w/ext/pay/invoice/create', 'write', createInvoice),
    route('auth/r/ext/pay/invoices', 'read', (acc, req) => {
      const id = optString(req, 'id');
      const limit = optNumber(req, 'limit') ?? 10;
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) invalid('limit');
      const rows = merchantStore(acc).invoices.filter((i) => id === undefined || i.id === id);
      return timeWindow(rows as unknown as Record<string, unknown>[], 't', optNumber(req, 'start'), optNumber(req, 'end'))
        .reverse()
        .slice(0, limit);
    }),
    route('auth/r/ext/pay/invoices/paginated', 'read', paginated),
    route('auth/r/ext/pay/invoice/stats/count', 'read', (acc, req) => {
      const status = reqString(req, 'status');
      return stats(acc, req, () => 1, (i) => i.status === status);
    }),
    route('auth/r/ext/pay/invoice/stats/earning', 'read', (acc, req) => {
      const currency = reqString(req, 'currency');
      return stats(acc, req, (i) => i.amount, (i) => i.status === 'COMPLETED' && i.currency === currency);
    }),
    route('auth/w/ext/pay/invoice/complete', 'write', (acc, req) => {
      const inv = findInvoice(acc, req);
      const payCcy = reqString(req, 'payCcy');
      if (!inv.payCurrencies.includes(payCcy)) invalid('payCcy');
      const now = new Date(acc.ctx.now()).toISOString();
      inv.status = 'COMPLETED';
      inv.payment = {
        txid: invoiceAddress(inv.id, 'tx'), amount: inv.amount, currency: payCcy, method: payCcy, status: 'COMPLETED',
        confirmations: 1, createdAt: now, updatedAt: now, depositId: optNumber(req, 'depositId') ?? null,
        ledgerId: optNumber(req, 'ledgerId') ?? null, forceCompleted: true, amountDiff: '0',
      };
      return inv;
    }),
    route('auth/w/ext/pay/invoice/expire', 'write', (acc, req) => {
      const inv = findInvoice(acc, req);
      if (inv.status !== 'COMPLETED') inv.status = 'EXPIRED';
      return inv;
    }),
    route('auth/r/ext/pay/settings/convert/list', 'read', (acc) => merchantStore(acc).conversions),
    route('auth/w/ext/pay/settings/convert/create', 'write', (acc, req) => conversion(acc, req, true)),
    route('auth/w/ext/pay/settings/convert/remove', 'write', (acc, req) => conversion(acc, req, false)),
    route('auth/w/ext/pay/settings/set', 'write', (acc, req) => {
      const key = settingKey(req);
      if (req.body.val === undefined) invalid('val');
      merchantStore(acc).settings.set(key, req.body.val);
      return true;
    }),
    route('auth/r/ext/pay/settings/get', 'read', (acc, req) => merchantStore(acc).settings.get(settingKey(req)) ?? null),
    route('auth/r/ext/pay/settings/list', 'read', (acc, req) => {
      const keys = strings(req, 'keys', false);
      const out: Record<string, unknown> = {};
      for (const [k, v] of merchantStore(acc).settings) if (keys.length === 0 || keys.includes(k)) out[k] = v;
      return out;
    }),
    route('auth/r/ext/pay/deposits', 'read', (acc, req) => {
      const from = reqNumber(req, 'from');
      const to = reqNumber(req, 'to');
      if (from > to) invalid('from');
      const ccy = optString(req, 'ccy');
      const store = merchantStore(acc);
      const rows = req.body.unlinked === true || req.body.unlinked === 1
        ? store.deposits.filter((d) => d.invoiceId === null)
        : store.deposits;
      return timeWindow(rows, 't', from, to).filter((d) => ccy === undefined || d.currency === ccy);
    }),
    route('auth/r/ext/pay/deposits/unlinked', 'read', unlinked),
    route('/auth/r/ext/pay/deposits/unlinked', 'read', unlinked),
  ];
}
