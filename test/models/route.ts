/**
 * Routes every frame of the sample files to the model that decodes it, by frame shape
 * (`[chanId, payload]`, `[chanId, "te", row]`, `[0, "os", rows]`, `[0, "n", n]`) and, for public
 * channels and REST bodies, by what the sample file holds.
 */
import { models } from '../../src/models/index.js';
import type { Model } from '../../src/models/define.js';

/** Rows of one frame and the model they decode with. */
export interface Routed {
  model: Model<object>;
  rows: unknown[][];
}

const isRow = (v: unknown): v is unknown[] => Array.isArray(v);
const isRows = (v: unknown): v is unknown[][] => Array.isArray(v) && v.length > 0 && v.every(isRow);

/** Account (channel 0) events and their models; `miu` is routed by its first element. */
const ACCOUNT: Record<string, Model<object>> = {
  ...Object.fromEntries(['os', 'on', 'ou', 'oc'].map((t) => [t, models.Order])),
  ...Object.fromEntries(['ps', 'pn', 'pu', 'pc'].map((t) => [t, models.Position])),
  ...Object.fromEntries(['ws', 'wu'].map((t) => [t, models.Wallet])),
  ...Object.fromEntries(['fos', 'fon', 'fou', 'foc'].map((t) => [t, models.FundingOffer])),
  ...Object.fromEntries(['fcs', 'fcn', 'fcu', 'fcc'].map((t) => [t, models.FundingCredit])),
  ...Object.fromEntries(['fls', 'fln', 'flu', 'flc'].map((t) => [t, models.FundingLoan])),
  te: models.Trade,
  tu: models.Trade,
  fte: models.FundingTrade,
  ftu: models.FundingTrade,
  bu: models.BalanceInfo,
  fiu: models.FundingInfo,
  n: models.Notification,
};

/** Account snapshot events: data is a list of rows. */
const SNAPSHOTS = new Set(['os', 'ps', 'ws', 'fos', 'fcs', 'fls']);

/** Public channel model of a WS sample file (by file and channel id / event). */
function publicModel(file: string, chanId: number, event: string | null): Model<object> | null {
  switch (file) {
    case 'ws-ticker-trading':
      return models.TradingPairTicker;
    case 'ws-ticker-funding':
      return models.FundingCurrencyTicker;
    case 'ws-trades-trading-snapshot':
      return models.TradingPairTrade;
    case 'ws-trades-funding-snapshot':
      return models.FundingCurrencyTrade;
    case 'ws-trades-updates':
      return event === 'fte' || event === 'ftu' ? models.FundingCurrencyTrade : models.TradingPairTrade;
    case 'ws-book-p0-snapshot':
    case 'ws-book-checksum-vector':
    case 'ws-flags-seq-timestamp-bulk':
      return models.TradingPairBook;
    case 'ws-book-updates':
      return chanId === 433290 ? models.TradingPairRawBook : models.TradingPairBook;
    case 'ws-book-funding':
      return chanId === 472778 ? models.FundingCurrencyRawBook : models.FundingCurrencyBook;
    case 'ws-candles':
      return models.Candle;
    case 'ws-status-deriv':
      return models.DerivativesStatus;
    case 'ws-status-liq':
      return models.Liquidation;
    default:
      return null;
  }
}

function routeWs(file: string, f: unknown): Routed | null {
  if (!isRow(f) || typeof f[0] !== 'number') return null; // control frames are objects
  const [chanId, second, third] = f;
  if (chanId === 0) {
    if (typeof second !== 'string' || !isRow(third)) return null; // hb, client inputs
    if (second === 'miu') {
      const model = third[0] === 'base' ? models.BaseMarginInfo : models.SymbolMarginInfo;
      return { model, rows: [third] };
    }
    const model = ACCOUNT[second];
    if (!model) return null;
    return { model, rows: SNAPSHOTS.has(second) ? (third as unknown[][]) : [third] };
  }
  const event = typeof second === 'string' ? second : null;
  if (event === 'hb' || event === 'cs') return null;
  const model = publicModel(file, chanId, event);
  const data = event === null ? second : third;
  if (!model || !isRow(data)) return null;
  return { model, rows: isRows(data) ? data : [data] };
}

type RestRoute = [model: Model<object>, shape: 'one' | 'list' | 'keyed-list'];

/** REST sample files: the model of each body, by frame index (`null`: not a model body). */
const REST: Record<string, (RestRoute | null)[]> = {
  'rest-auth-account': [
    [models.UserInfo, 'one'],
    null, // permissions
    null, // summary
    null, // audit
    null, // alerts
    null, // alert set
    null, // alert delete
    [models.Ledger, 'list'],
    [models.Movement, 'list'],
    [models.Movement, 'one'],
    [models.Notification, 'one'],
    [models.Notification, 'one'],
    [models.Notification, 'one'],
  ],
  'rest-auth-order-cancel': [
    [models.Notification, 'one'],
    [models.Notification, 'one'],
    [models.Notification, 'one'],
  ],
  'rest-auth-order-submit': [
    [models.Notification, 'one'],
    [models.Notification, 'one'],
    [models.Notification, 'one'],
  ],
  'rest-auth-wallets-margin': [
    [models.Wallet, 'list'],
    [models.BaseMarginInfo, 'one'],
    [models.SymbolMarginInfo, 'one'],
    [models.BalanceAvailable, 'one'],
  ],
  'rest-public-book': [
    [models.TradingPairBook, 'list'],
    [models.TradingPairRawBook, 'list'],
    [models.FundingCurrencyBook, 'list'],
    [models.FundingCurrencyRawBook, 'list'],
  ],
  'rest-public-calc': [
    [models.TradingMarketAveragePrice, 'one'],
    [models.FxRate, 'one'],
  ],
  'rest-public-candles': [
    [models.Candle, 'list'],
    [models.Candle, 'one'],
    [models.Candle, 'list'],
  ],
  'rest-public-status': [
    [models.PlatformStatus, 'one'],
    [models.DerivativesStatus, 'keyed-list'],
    [models.DerivativesStatus, 'list'],
    [models.Liquidation, 'list'],
    [models.FundingStatistic, 'list'],
  ],
  'rest-public-ticker': [
    [models.TradingPairTicker, 'one'],
    [models.TradingPairTicker, 'one'],
    [models.FundingCurrencyTicker, 'one'],
  ],
  'rest-public-trades': [
    [models.TradingPairTrade, 'list'],
    [models.FundingCurrencyTrade, 'list'],
    [models.TradingPairTrade, 'list'],
  ],
};

function routeRest(file: string, i: number, body: unknown): Routed | null {
  const route = REST[file]?.[i];
  if (!route || !isRow(body)) return null;
  const [model, shape] = route;
  if (shape === 'one') return { model, rows: [body] };
  const rows = body as unknown[][];
  return { model, rows: shape === 'keyed-list' ? rows.map((r) => r.slice(1)) : rows };
}

/** Sample files that hold no model payload at all (control frames, errors, client inputs, conf). */
export const NON_MODEL_FILES = new Set([
  'ws-auth-failed',
  'ws-auth-ok',
  'ws-client-inputs',
  'ws-conf-ack',
  'ws-errors',
  'ws-heartbeat-pong',
  'ws-info-on-connect',
  'ws-subscribe-acks',
  'rest-errors',
  'rest-public-conf',
]);

/** Route frame `i` of sample `file` (name without `.json`). */
export function route(file: string, i: number, f: unknown): Routed | null {
  return file.startsWith('rest-') ? routeRest(file, i, f) : routeWs(file, f);
}
