/**
 * Values of the public `conf/{keys}` configuration endpoint, derived from the symbol universe.
 *
 * @module
 */

import type { MarketEngine } from '../../contracts.js';
import { CURRENCIES, splitPair, usdPrice } from '../../market/symbols.js';

const MARGIN_BASES = new Set(['BTC', 'ETH', 'LTC', 'XRP', 'SOL', 'EOS', 'DOT', 'ADA', 'DOGE', 'LINK', 'UNI', 'XLM', 'TRX', 'ETC', 'XMR', 'LEO', 'AVAX']);
const MARGIN_QUOTES = new Set(['USD', 'UST', 'BTC', 'EUR']);
const SYMBOL_MAP: readonly (readonly [string, string])[] = [['ALG', 'ALGO'], ['ATO', 'ATOM'], ['BCHN', 'BCH'], ['DSH', 'DASH'],
  ['IOT', 'IOTA'], ['MNA', 'MANA'], ['UDC', 'USDC'], ['UST', 'USDT'], ['EUT', 'EURT'], ['CNHT', 'CNHT'], ['USTF0', 'USDT0']];
const ERC20 = ['UST', 'LINK', 'UNI', 'AAVE', 'COMP', 'MKR', 'YFI', 'SUSHI', 'CRV', 'SNX', 'GRT', 'SAND', 'MNA', 'APE', 'AXS', 'PEPE', 'SHIB', 'LEO', 'XAUT', 'PAXG', 'ZRX'];

/** Delisted exchange pairs (`pub:list:pair:exchange:inactive`): never tradable here. */
const INACTIVE_PAIRS: readonly string[] = ['BCHABC:USD', 'BSVUSD', 'EOSDT:USD', 'GNTUSD', 'OMGETH', 'QTMUSD', 'RRTUSD', 'XVGUSD', 'BTCEUT', 'ETHEUT'];
/** Currencies every wallet can be converted into (`pub:map:currency:wfx`). */
const WFX_TARGETS: readonly string[] = ['USD', 'EUR', 'GBP', 'JPY', 'UST', 'BTC', 'ETH'];

const strip = (s: string): string => s.slice(1);

/** `pub:map:currency:wfx`: `[[CCY, [CONVERTIBLE_TO, …]], …]` for every spot currency. */
function walletFx(ccys: readonly string[]): unknown[] {
  return ccys
    .filter((c) => !c.endsWith('F0') && !c.startsWith('TEST'))
    .map((c) => [c, WFX_TARGETS.filter((t) => t !== c && ccys.includes(t))]);
}

function pairInfo(pair: string): unknown[] {
  const [base] = splitPair(pair);
  const usd = usdPrice(base.replace(/F0$/, '')) ?? 1;
  const min = Number((10 / usd).toPrecision(2));
  const max = Number((2_000_000 / usd).toPrecision(2));
  return [pair, [null, null, null, String(min), String(max), null, null, null, 0.2, 0.1, null, null]];
}

function currencies(market: MarketEngine): string[] {
  const set = new Set<string>();
  for (const p of market.symbols.tradingPairs) for (const c of splitPair(strip(p))) set.add(c);
  for (const f of market.symbols.fundingCurrencies) set.add(strip(f));
  return [...set].sort();
}

/** Builds the conf value of `key`, or null when the key is unknown. */
export function confValue(market: MarketEngine, key: string): unknown {
  const derivs = new Set(market.symbols.derivatives);
  const spot = market.symbols.tradingPairs.filter((p) => !derivs.has(p)).map(strip);
  const futures = market.symbols.derivatives.map(strip);
  const ccys = currencies(market);
  switch (key) {
    case 'pub:list:pair:exchange':
      return spot;
    case 'pub:list:pair:margin':
      return spot.filter((p) => {
        const [b, q] = splitPair(p);
        return MARGIN_BASES.has(b) && MARGIN_QUOTES.has(q);
      });
    case 'pub:list:pair:futures':
      return futures;
    case 'pub:list:currency':
      return ccys;
    case 'pub:list:competitions':
      return [];
    case 'pub:map:currency:sym':
      return SYMBOL_MAP.filter(([c]) => ccys.includes(c)).map(([c, s]) => [c, s]);
    case 'pub:map:currency:label':
      return CURRENCIES.filter((c) => ccys.includes(c.code)).map((c) => [c.code, c.label]);
    case 'pub:map:currency:unit':
      return [['IOT', 'Mi|MegaIOTA']];
    case 'pub:map:currency:undl':
      return ccys.filter((c) => c.endsWith('F0')).map((c) => [c, c.slice(0, -2)]);
    case 'pub:map:currency:pool':
      return ERC20.filter((c) => ccys.includes(c)).map((c) => [c, 'ETH']);
    case 'pub:map:currency:explorer':
      return [['BTC', ['https://blockstream.info', 'https://blockstream.info/address/VAL', 'https://blockstream.info/tx/VAL']],
        ['ETH', ['https://etherscan.io', 'https://etherscan.io/address/VAL', 'https://etherscan.io/tx/VAL']]];
    case 'pub:map:currency:tx:fee':
      return ccys.filter((c) => !c.endsWith('F0')).map((c) => [c, [0, Number((1 / (usdPrice(c) ?? 1)).toPrecision(2))]]);
    case 'pub:map:tx:method':
      return [['BITCOIN', ['BTC']], ['ETHEREUM', ['ETH', ...ERC20.filter((c) => ccys.includes(c))]], ['TETHERUSE', ['UST']], ['WIRE', ['USD', 'EUR', 'GBP', 'JPY']]];
    case 'pub:info:pair':
      return spot.map(pairInfo);
    case 'pub:info:pair:futures':
      return futures.map(pairInfo);
    case 'pub:info:tx:status':
      return ccys.filter((c) => !c.endsWith('F0')).map((c) => [c, 1, 1, null, null, null, null, 0, 0, null, null, 3]);
    case 'pub:fees':
      return { deriv_perp: { correction_clamp_min: 0.0025, correction_clamp_insurance: 0.0015, correction_slope: 0.2 } };
    case 'pub:list:pair:exchange:inactive':
      return INACTIVE_PAIRS.filter((p) => !market.isTradingPair(`t${p}`));
    case 'pub:map:currency:wfx':
      return walletFx(ccys);
    case 'pub:spec:margin':
      return { initial: 0.2, minimum: 0.1, leverage_max: 10 };
    default:
      return null;
  }
}
