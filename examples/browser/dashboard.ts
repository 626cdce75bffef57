/**
 * A small live dashboard on `bfx-actors` in the browser: platform status and wallets over REST,
 * a ticker and a managed order book (checksum-verified) over the WebSocket, and, with API keys,
 * an authenticated socket that places and cancels an order. It renders into a DOM element and
 * keeps a plain {@link DashboardState} that tests (and you, in devtools) can read.
 *
 * Copy it into your project as is: it imports only from `'bfx-actors'`.
 */
import type { DashboardState } from './state.js';
import { createBfxSystem, type BfxSystem, type BfxSystemOptions, type Order, type TradingPairBook, type Wallet } from 'bfx-actors';

/** Where to connect, and optional credentials for the account part. */
export interface DashboardConfig {
  readonly restHost?: string;
  readonly wssHost?: string;
  readonly apiKey?: string;
  readonly apiSecret?: string;
  /** Trading pair to show (default `tBTCUSD`). */
  readonly symbol?: string;
  /** Reconnection backoff (default: the library's, 3 s growing to 60 s). */
  readonly backoff?: BfxSystemOptions['backoff'];
}

export type { DashboardState } from './state.js';

/** A running dashboard. */
export interface Dashboard {
  readonly state: DashboardState;
  readonly system: BfxSystem;
  /** Resolves once the REST snapshot is loaded and the subscriptions are requested. */
  readonly ready: Promise<void>;
  /** Place a far-from-market limit buy and cancel it; resolves with both notifications' statuses. */
  placeAndCancel(amount?: number, price?: number): Promise<{ submitted: string; cancelled: string; id: number }>;
  /** Close every socket. */
  close(): Promise<void>;
}

const price = (row: TradingPairBook | undefined): number | undefined => row?.price;

/** Start the dashboard, rendering into `root` (when given). */
export function startDashboard(config: DashboardConfig, root?: HTMLElement): Dashboard {
  const symbol = config.symbol ?? 'tBTCUSD';
  const state: DashboardState = {
    wallets: [], tickerUpdates: 0, checksums: 0, checksumMismatches: 0, authenticated: false,
    orders: [], disconnections: 0, reconnections: 0, subscribed: [], errors: [], log: [],
  };
  const log = (line: string): void => {
    state.log.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (state.log.length > 200) state.log.shift();
    render();
  };
  const render = (): void => {
    if (!root) return;
    root.querySelector('[data-status]')!.textContent = `${state.platform ?? '…'} · ${state.authenticated ? `user ${state.userId}` : 'public'} · reconnections ${state.reconnections}`;
    root.querySelector('[data-ticker]')!.textContent = `${symbol} ${state.lastPrice ?? '…'} (${state.tickerUpdates} updates)`;
    root.querySelector('[data-book]')!.textContent = `bid ${state.bestBid ?? '…'} / ask ${state.bestAsk ?? '…'} · checksums ${state.checksums} ok, ${state.checksumMismatches} mismatched`;
    root.querySelector('[data-wallets]')!.textContent = state.wallets.map((w) => `${w.type} ${w.currency} ${w.balance}`).join('\n');
    root.querySelector('[data-log]')!.textContent = state.log.slice(-20).join('\n');
  };

  const system = createBfxSystem({
    restHost: config.restHost, wssHost: config.wssHost, apiKey: config.apiKey, apiSecret: config.apiSecret,
    backoff: config.backoff, logLevel: 'warn',
    // Load the REST snapshot first, then open the socket (see `ready` below).
    autoConnect: false,
  });
  const { ws, rest } = system;

  ws.on('error', (err) => {
    state.errors.push(`${err.name}: ${err.message}`);
    log(`error ${err.name}: ${err.message}`);
  });
  ws.on('subscribed', (sub) => {
    state.subscribed.push(sub.channel);
    log(`subscribed ${sub.channel} ${sub.symbol ?? ''}`);
  });
  ws.on('disconnection', (code) => {
    state.disconnections++;
    log(`disconnected (${code})`);
  });
  ws.on('reconnection', (attempts, downtimeMs) => {
    state.reconnections++;
    log(`reconnected after ${attempts} attempt(s), ${downtimeMs} ms down`);
  });
  ws.on('authenticated', (info) => {
    state.authenticated = true;
    state.userId = info.userId;
    log(`authenticated as ${info.userId}`);
  });
  const track = (o: Order): void => {
    const known = state.orders.find((x) => x.id === o.id);
    if (known) known.status = o.orderStatus ?? '';
    else state.orders.push({ id: o.id, status: o.orderStatus ?? '' });
    log(`order #${o.id} ${o.orderStatus}`);
  };
  ws.on('order_new', track);
  ws.on('order_cancel', track);

  // REST first, then the socket: an authenticated REST call and the socket's auth share the
  // key's nonce, and in a browser the CORS preflight delays the REST call, so a socket auth
  // signed later could reach the server first and the REST call would fail with 10114.
  const loadRest = async (): Promise<void> => {
    try {
      const s = await rest.public.getPlatformStatus();
      state.platform = s.status === 1 ? 'operative' : 'maintenance';
      log(`platform ${state.platform}`);
      if (config.apiKey) {
        const wallets: Wallet[] = await rest.auth.getWallets();
        state.wallets = wallets.map((w) => ({ type: w.walletType, currency: w.currency, balance: w.balance }));
        log(`${wallets.length} wallets`);
      }
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      state.errors.push(message);
      log(`REST failed: ${message}`);
    }
  };
  const stream = (): void => {
    const ticker = ws.subscribe('ticker', { symbol });
    ticker.on('t_ticker_update', (_sub, t) => {
      state.lastPrice = t.lastPrice;
      state.tickerUpdates++;
      render();
    });
    const book = ws.subscribe('book', { symbol, prec: 'P0', len: 25 });
    const showBook = (): void => {
      const b = book.book;
      state.bestBid = price(b?.bestBid() as TradingPairBook | undefined);
      state.bestAsk = price(b?.bestAsk() as TradingPairBook | undefined);
      render();
    };
    book.on('t_book_snapshot', showBook);
    book.on('t_book_update', showBook);
    book.on('checksum', () => void state.checksums++);
    book.on('checksum_mismatch', () => void state.checksumMismatches++);
  };
  const ready = loadRest().then(stream);

  return {
    state,
    system,
    ready,
    async placeAndCancel(amount = 0.001, limit = 1_000) {
      const submitted = await ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol, amount, price: limit });
      const cancelled = await ws.inputs.cancelOrder({ id: submitted.data.id });
      return { submitted: submitted.status, cancelled: cancelled.status, id: submitted.data.id };
    },
    close: () => system.close(),
  };
}
