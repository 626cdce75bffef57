/**
 * The vocabulary of the account machine: its context (the account as the authenticated channel
 * shows it), the events it takes, the change events it emits, and the pure reducer that applies
 * one account event to the context. Snapshots after a re-authentication replace their collection
 * and are diffed against the view they replace: what changed while offline becomes typed events.
 *
 * @module
 */
import type {
  BalanceInfo,
  BaseMarginInfo,
  FundingCredit,
  FundingLoan,
  FundingOffer,
  Order,
  Position,
  SymbolMarginInfo,
  Wallet,
} from '../src/models/index.js';

/** The collections of the account, with their row types. */
export interface AccountCollections {
  readonly order: Order;
  readonly position: Position;
  readonly wallet: Wallet;
  readonly funding_offer: FundingOffer;
  readonly funding_credit: FundingCredit;
  readonly funding_loan: FundingLoan;
}

/** A collection name (`order`, `position`, `wallet`, `funding_offer`, `funding_credit`, `funding_loan`). */
export type AccountCollection = keyof AccountCollections;

/** Margin info: the account-wide base and one entry per trading pair. */
export interface AccountMarginInfo {
  readonly base: BaseMarginInfo | null;
  readonly symbols: Readonly<Record<string, SymbolMarginInfo>>;
}

/** Context of the account machine: plain, serialisable, no secrets. */
export interface AccountContext {
  /** Active orders by id. */
  readonly orders: Readonly<Record<string, Order>>;
  /** Open positions by symbol. */
  readonly positions: Readonly<Record<string, Position>>;
  /** Wallets by `TYPE:CURRENCY` (`exchange:USD`). */
  readonly wallets: Readonly<Record<string, Wallet>>;
  /** Active funding offers by id. */
  readonly fundingOffers: Readonly<Record<string, FundingOffer>>;
  /** Funding credits (used in positions) by id. */
  readonly fundingCredits: Readonly<Record<string, FundingCredit>>;
  /** Funding loans (not used in positions) by id. */
  readonly fundingLoans: Readonly<Record<string, FundingLoan>>;
  /** Latest `bu` (assets under management), null before the first. */
  readonly balance: BalanceInfo | null;
  /** Latest `miu` values. */
  readonly marginInfo: AccountMarginInfo;
  /** Collections whose snapshot arrived in the current session. */
  readonly synced: readonly AccountCollection[];
  /** Collections that ever had a snapshot (the next one is diffed against the view). */
  readonly seen: readonly AccountCollection[];
  /** Authenticated sessions so far. */
  readonly sessions: number;
  /** The collections whose snapshot this session brings (all six, or those the auth `filter` selects). */
  readonly expected: readonly AccountCollection[];
}

/** The account events the machine follows, with their data (the WebSocket client's event names). */
export interface AccountDataEvents {
  order_snapshot: Order[];
  order_new: Order;
  order_update: Order;
  order_cancel: Order;
  position_snapshot: Position[];
  position_new: Position;
  position_update: Position;
  position_close: Position;
  wallet_snapshot: Wallet[];
  wallet_update: Wallet;
  balance_update: BalanceInfo;
  base_margin_info: BaseMarginInfo;
  symbol_margin_info: SymbolMarginInfo;
  funding_offer_snapshot: FundingOffer[];
  funding_offer_new: FundingOffer;
  funding_offer_update: FundingOffer;
  funding_offer_cancel: FundingOffer;
  funding_credit_snapshot: FundingCredit[];
  funding_credit_new: FundingCredit;
  funding_credit_update: FundingCredit;
  funding_credit_close: FundingCredit;
  funding_loan_snapshot: FundingLoan[];
  funding_loan_new: FundingLoan;
  funding_loan_update: FundingLoan;
  funding_loan_close: FundingLoan;
}

/** Name of an account event the machine follows. */
export type AccountDataName = keyof AccountDataEvents;

/** One account event, as the machine receives it. */
export type AccountDataEvent = { [K in AccountDataName]: { readonly type: 'account.data'; readonly event: K; readonly data: AccountDataEvents[K] } }[AccountDataName];

/** Events of the account machine. */
export type AccountEvent =
  /** A session started; `filter`: the auth filter it was opened with (which snapshots it brings). */
  | { readonly type: 'account.authenticated'; readonly filter?: readonly string[] }
  | { readonly type: 'account.lost' }
  | AccountDataEvent;

/** What changed in one collection while offline, told by the post-reauth snapshot. */
export type OfflineChange = {
  [K in AccountCollection]:
    | { readonly type: `${K}_opened_offline`; readonly after: AccountCollections[K] }
    | { readonly type: `${K}_closed_offline`; readonly before: AccountCollections[K] }
    | { readonly type: `${K}_changed_offline`; readonly before: AccountCollections[K]; readonly after: AccountCollections[K] };
}[AccountCollection];

/** A collection's snapshot was applied (`resync`: it replaced an earlier view and was diffed). */
export interface SnapshotApplied {
  readonly type: 'snapshot_applied';
  readonly collection: AccountCollection;
  readonly resync: boolean;
  /** Offline changes emitted for it. */
  readonly changes: number;
}

/**
 * Every snapshot of the session is in (`session` counts from 1; `resync`: a re-authentication,
 * whose snapshots replaced the earlier view): the account view is complete.
 */
export interface AccountSynced {
  readonly type: 'account_synced';
  readonly session: number;
  readonly resync: boolean;
}

/** Events the account machine emits. */
export type AccountEmitted = OfflineChange | SnapshotApplied | AccountSynced;

/** Type of an emitted account event. */
export type AccountEmittedType = AccountEmitted['type'];

type Row = AccountCollections[AccountCollection];
type Table = Readonly<Record<string, Row>>;

interface CollectionSpec {
  readonly field: 'orders' | 'positions' | 'wallets' | 'fundingOffers' | 'fundingCredits' | 'fundingLoans';
  readonly key: (row: never) => string;
  /** The fields whose change counts as a change (not P/L or other calculated values). */
  readonly compare: readonly string[];
  /** A row with this status leaves the collection even in an update. */
  readonly closed?: (row: never) => boolean;
}

const byId = (r: { readonly id: number }): string => String(r.id);

/** Per collection: where it lives in the context, its key, what a change is. */
export const COLLECTIONS: Readonly<Record<AccountCollection, CollectionSpec>> = {
  order: { field: 'orders', key: byId, compare: ['amount', 'amountOrig', 'price', 'priceAvg', 'priceAuxLimit', 'priceTrailing', 'orderStatus', 'flags'] },
  position: { field: 'positions', key: (p: Position) => p.symbol, compare: ['amount', 'basePrice', 'status'], closed: (p: Position) => p.status === 'CLOSED' },
  wallet: { field: 'wallets', key: (w: Wallet) => `${w.walletType}:${w.currency}`, compare: ['balance', 'unsettledInterest'] },
  funding_offer: { field: 'fundingOffers', key: byId, compare: ['amount', 'rate', 'period', 'offerStatus'] },
  funding_credit: { field: 'fundingCredits', key: byId, compare: ['amount', 'rate', 'period', 'status'] },
  funding_loan: { field: 'fundingLoans', key: byId, compare: ['amount', 'rate', 'period', 'status'] },
};

/** The auth filter's stream of each collection (Bitfinex sends a snapshot only for selected streams). */
const STREAM_OF: Readonly<Record<AccountCollection, string>> = {
  order: 'trading', position: 'trading', wallet: 'wallet', funding_offer: 'funding', funding_credit: 'funding', funding_loan: 'funding',
};

/** The collections whose snapshot a session brings under the auth `filter` (none or empty: all six). */
export function expectedCollections(filter?: readonly string[]): AccountCollection[] {
  const all = Object.keys(COLLECTIONS) as AccountCollection[];
  if (filter === undefined || filter.length === 0) return all;
  return all.filter((c) => filter.some((f) => f === STREAM_OF[c] || f.startsWith(`${STREAM_OF[c]}-`)));
}

/** The initial context. */
export function emptyAccount(): AccountContext {
  return {
    orders: {}, positions: {}, wallets: {}, fundingOffers: {}, fundingCredits: {}, fundingLoans: {},
    balance: null, marginInfo: { base: null, symbols: {} }, synced: [], seen: [], sessions: 0,
    expected: expectedCollections(),
  };
}

const changed = (a: Row, b: Row, fields: readonly string[]): boolean =>
  fields.some((f) => (a as unknown as Record<string, unknown>)[f] !== (b as unknown as Record<string, unknown>)[f]);

/** What the snapshot `after` says changed since `before` (rows keyed alike). */
export function diffTables(collection: AccountCollection, before: Table, after: Table): OfflineChange[] {
  const spec = COLLECTIONS[collection];
  const out: { type: string; before?: Row; after?: Row }[] = [];
  for (const [k, b] of Object.entries(before)) {
    const a = after[k];
    if (a === undefined) out.push({ type: `${collection}_closed_offline`, before: b });
    else if (changed(b, a, spec.compare)) out.push({ type: `${collection}_changed_offline`, before: b, after: a });
  }
  for (const [k, a] of Object.entries(after)) if (before[k] === undefined) out.push({ type: `${collection}_opened_offline`, after: a });
  return out as OfflineChange[];
}

/** `account.data` event name → collection and operation. */
function route(event: AccountDataName): { readonly collection: AccountCollection; readonly op: 'snapshot' | 'set' | 'delete' } | undefined {
  const m = /^(order|position|wallet|funding_offer|funding_credit|funding_loan)_(snapshot|new|update|cancel|close)$/.exec(event);
  if (m === null) return undefined;
  const op = m[2] === 'snapshot' ? 'snapshot' : m[2] === 'cancel' || m[2] === 'close' ? 'delete' : 'set';
  return { collection: m[1] as AccountCollection, op };
}

/** The result of one account event: the context fields that change, and what to emit. */
export interface Reduced {
  readonly next: Partial<AccountContext>;
  readonly emitted: readonly AccountEmitted[];
}

/** Apply one account event to the context (pure). */
export function reduceAccount(ctx: AccountContext, e: AccountDataEvent): Reduced {
  switch (e.event) {
    case 'balance_update':
      return { next: { balance: e.data }, emitted: [] };
    case 'base_margin_info':
      return { next: { marginInfo: { ...ctx.marginInfo, base: e.data } }, emitted: [] };
    case 'symbol_margin_info':
      return { next: { marginInfo: { ...ctx.marginInfo, symbols: { ...ctx.marginInfo.symbols, [e.data.symbol]: e.data } } }, emitted: [] };
    default:
      break;
  }
  const r = route(e.event);
  if (r === undefined) return { next: {}, emitted: [] };
  const spec = COLLECTIONS[r.collection];
  const key = spec.key as (row: Row) => string;
  const table = ctx[spec.field] as Table;
  if (r.op === 'snapshot') {
    const rows = e.data as readonly Row[];
    const after: Record<string, Row> = {};
    for (const row of rows) if (!(spec.closed as ((row: Row) => boolean) | undefined)?.(row)) after[key(row)] = row;
    const resync = ctx.seen.includes(r.collection);
    const changes = resync ? diffTables(r.collection, table, after) : [];
    const next: Partial<AccountContext> = {
      [spec.field]: after,
      synced: ctx.synced.includes(r.collection) ? ctx.synced : [...ctx.synced, r.collection],
      seen: resync ? ctx.seen : [...ctx.seen, r.collection],
    };
    return { next, emitted: [...changes, { type: 'snapshot_applied', collection: r.collection, resync, changes: changes.length }] };
  }
  const row = e.data as Row;
  const k = key(row);
  const closes = r.op === 'delete' || (spec.closed as ((row: Row) => boolean) | undefined)?.(row) === true;
  if (closes) {
    if (table[k] === undefined) return { next: {}, emitted: [] };
    const rest = { ...table };
    delete rest[k];
    return { next: { [spec.field]: rest }, emitted: [] };
  }
  return { next: { [spec.field]: { ...table, [k]: row } }, emitted: [] };
}

/** Whether the machine follows the account event `name` (the feed sends only these). */
export function isAccountDataEvent(name: string): name is AccountDataName {
  return name === 'balance_update' || name === 'base_margin_info' || name === 'symbol_margin_info' || route(name as AccountDataName) !== undefined;
}
