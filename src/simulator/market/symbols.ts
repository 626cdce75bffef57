/**
 * The simulated symbol universe: currencies with plausible USD reference prices, the trading
 * pairs built from them (Bitfinex naming: `tBTCUSD`, a colon when a side has more than three
 * characters: `tDOGE:USD`), funding currencies and perpetual derivatives (`tBTCF0:USTF0`).
 *
 * @module
 */

import type { SimSymbols } from '../contracts.js';

/** One currency: code, USD reference price, display label. */
export interface CurrencyInfo {
  readonly code: string;
  readonly usd: number;
  readonly label: string;
}

const C = (code: string, usd: number, label: string): CurrencyInfo => ({ code, usd, label });

/** Currencies known to the simulator (codes as Bitfinex spells them). */
export const CURRENCIES: readonly CurrencyInfo[] = [
  C('USD', 1, 'US Dollar'), C('UST', 1.0002, 'Tether USDt'), C('EUR', 1.08, 'Euro'), C('GBP', 1.27, 'Pound Sterling'),
  C('JPY', 0.0067, 'Japanese Yen'), C('CNHT', 0.138, 'Tether CNHt'), C('EUT', 1.079, 'Tether EURt'), C('UDC', 1, 'USD Coin'),
  C('BTC', 95000, 'Bitcoin'), C('ETH', 3400, 'Ethereum'), C('LTC', 95, 'Litecoin'), C('XRP', 2.2, 'Ripple'),
  C('SOL', 190, 'Solana'), C('DOGE', 0.32, 'Dogecoin'), C('ADA', 0.9, 'Cardano'), C('DOT', 6.5, 'Polkadot'),
  C('AVAX', 35, 'Avalanche'), C('LINK', 20, 'Chainlink'), C('UNI', 11, 'Uniswap'), C('ATO', 8.5, 'Cosmos'),
  C('XLM', 0.4, 'Stellar'), C('TRX', 0.24, 'TRON'), C('EOS', 0.8, 'EOS'), C('XTZ', 1.2, 'Tezos'),
  C('ETC', 26, 'Ethereum Classic'), C('BCHN', 430, 'Bitcoin Cash Node'), C('LEO', 9.1, 'UNUS SED LEO'), C('XMR', 190, 'Monero'),
  C('ZEC', 55, 'Zcash'), C('FIL', 5.2, 'Filecoin'), C('NEAR', 5.1, 'NEAR Protocol'), C('APT', 9.5, 'Aptos'),
  C('ARB', 0.75, 'Arbitrum'), C('OPX', 1.9, 'Optimism'), C('SHIB', 0.000022, 'Shiba Inu'), C('PEPE', 0.000019, 'Pepe'),
  C('SUI', 4.1, 'Sui'), C('TON', 5.6, 'Toncoin'), C('AAVE', 320, 'Aave'), C('COMP', 85, 'Compound'),
  C('MKR', 1600, 'Maker'), C('YFI', 8200, 'yearn.finance'), C('SUSHI', 1.3, 'SushiSwap'), C('CRV', 0.95, 'Curve'),
  C('SNX', 2.4, 'Synthetix'), C('GRT', 0.22, 'The Graph'), C('SAND', 0.6, 'The Sandbox'), C('MNA', 0.55, 'Decentraland'),
  C('APE', 1.3, 'ApeCoin'), C('AXS', 6.2, 'Axie Infinity'), C('ALG', 0.35, 'Algorand'), C('EGLD', 34, 'MultiversX'),
  C('ICP', 10.5, 'Internet Computer'), C('XAUT', 2650, 'Tether Gold'), C('PAXG', 2660, 'PAX Gold'), C('IOT', 0.28, 'IOTA'),
  C('NEO', 14, 'NEO'), C('DSH', 38, 'Dash'), C('BSV', 55, 'Bitcoin SV'), C('ZRX', 0.45, '0x'),
  C('MATIC', 0.5, 'Polygon'), C('INJ', 22, 'Injective'), C('JASMY', 0.035, 'JasmyCoin'), C('WBT', 33, 'WhiteBIT Coin'), C('BTT', 0.00000095, 'BitTorrent'),
  C('BTCF0', 95000, 'Bitcoin (deriv)'), C('ETHF0', 3400, 'Ethereum (deriv)'), C('LTCF0', 95, 'Litecoin (deriv)'),
  C('XRPF0', 2.2, 'Ripple (deriv)'), C('SOLF0', 190, 'Solana (deriv)'), C('EURF0', 1.08, 'Euro (deriv)'),
  C('XAUTF0', 2650, 'Tether Gold (deriv)'), C('DOGEF0', 0.32, 'Dogecoin (deriv)'), C('AMPF0', 0.0085, 'Ampleforth (deriv)'),
  C('USTF0', 1.0002, 'Tether USDt (deriv)'), C('AMP', 0.0085, 'Ampleforth'),
];

const QUOTES_UST = ['BTC', 'ETH', 'LTC', 'XRP', 'SOL', 'DOGE', 'ADA', 'DOT', 'AVAX', 'LINK', 'UNI', 'XLM', 'TRX', 'EOS',
  'ETC', 'LEO', 'XMR', 'FIL', 'NEAR', 'APT', 'ARB', 'OPX', 'SHIB', 'PEPE', 'SUI', 'TON', 'AAVE', 'XAUT', 'APE', 'MATIC', 'AMP'];
const QUOTES_BTC = ['ETH', 'LTC', 'XRP', 'SOL', 'DOGE', 'ADA', 'DOT', 'AVAX', 'LINK', 'XLM', 'TRX', 'EOS', 'ETC', 'XMR',
  'ZEC', 'XAUT', 'LEO', 'NEO', 'DSH', 'BSV', 'IOT', 'XTZ'];
const QUOTES_ETH = ['LINK', 'UNI', 'AAVE', 'LEO', 'EOS', 'XAUT', 'SNX', 'CRV'];
const QUOTES_EUR = ['BTC', 'ETH', 'XRP', 'SOL', 'LTC', 'ADA', 'DOT', 'EOS', 'UST'];
const QUOTES_GBP = ['BTC', 'ETH', 'XRP', 'UST'];
const QUOTES_JPY = ['BTC', 'ETH', 'XRP', 'UST'];
const NO_USD = new Set(['USD', 'UST', 'JPY', 'CNHT', 'BTCF0', 'ETHF0', 'LTCF0', 'XRPF0', 'SOLF0', 'EURF0', 'XAUTF0', 'DOGEF0', 'AMPF0', 'USTF0']);
const DERIV_BASES = ['BTC', 'ETH', 'LTC', 'XRP', 'SOL', 'EUR', 'XAUT', 'DOGE', 'AMP'];

/** The pair name (without `t`) for a base and quote, with a colon when a side has more than 3 characters. */
export function pairName(base: string, quote: string): string {
  return base.length > 3 || quote.length > 3 ? `${base}:${quote}` : `${base}${quote}`;
}

/** Splits a pair name (without `t`) into base and quote. */
export function splitPair(pair: string): readonly [string, string] {
  const colon = pair.indexOf(':');
  return colon >= 0 ? [pair.slice(0, colon), pair.slice(colon + 1)] : [pair.slice(0, 3), pair.slice(3)];
}

function buildPairs(): { spot: string[]; derivatives: string[] } {
  const spot: string[] = [];
  const add = (base: string, quote: string): void => {
    spot.push(`t${pairName(base, quote)}`);
  };
  for (const c of CURRENCIES) if (!NO_USD.has(c.code)) add(c.code, 'USD');
  add('UST', 'USD');
  add('BTC', 'CNHT');
  for (const b of QUOTES_UST) add(b, 'UST');
  for (const b of QUOTES_BTC) add(b, 'BTC');
  for (const b of QUOTES_ETH) add(b, 'ETH');
  for (const b of QUOTES_EUR) add(b, 'EUR');
  for (const b of QUOTES_GBP) add(b, 'GBP');
  for (const b of QUOTES_JPY) add(b, 'JPY');
  const derivatives = DERIV_BASES.map((b) => `t${b}F0:USTF0`);
  return { spot, derivatives };
}

/** Funding currencies (with `f`). */
const FUNDING = ['fUSD', 'fUST', 'fBTC', 'fETH', 'fEUR', 'fGBP', 'fJPY', 'fLTC', 'fXRP', 'fSOL', 'fDOT', 'fEOS', 'fADA',
  'fXLM', 'fTRX', 'fLEO', 'fDOGE', 'fUDC'];

/** Typical daily funding rates (fraction per day) per funding currency. */
const FUNDING_RATES: Readonly<Record<string, number>> = {
  fUSD: 0.00025, fUST: 0.00031, fBTC: 0.000012, fETH: 0.000021, fEUR: 0.000052, fGBP: 0.000048, fJPY: 0.000033,
  fLTC: 0.000015, fXRP: 0.000018, fSOL: 0.000045, fDOT: 0.00003, fEOS: 0.00002, fADA: 0.000025, fXLM: 0.00001,
  fTRX: 0.000028, fLEO: 0.000011, fDOGE: 0.000035, fUDC: 0.00022,
};

const BUILT = buildPairs();

/** The default universe. */
export const DEFAULT_SYMBOLS: SimSymbols = {
  tradingPairs: [...BUILT.spot, ...BUILT.derivatives],
  fundingCurrencies: FUNDING,
  derivatives: BUILT.derivatives,
};

const USD_PRICE = new Map(CURRENCIES.map((c) => [c.code, c.usd]));

/** USD reference price of a currency, or undefined. */
export function usdPrice(code: string): number | undefined {
  return USD_PRICE.get(code);
}

/**
 * Reference price of a symbol: a trading pair's price in its quote currency, or a funding
 * currency's typical daily rate. Undefined when unknown.
 */
export function referencePrice(symbol: string): number | undefined {
  if (symbol.startsWith('f')) return FUNDING_RATES[symbol] ?? (USD_PRICE.has(symbol.slice(1)) ? 0.0001 : undefined);
  const [base, quote] = splitPair(symbol.slice(1));
  const b = USD_PRICE.get(base);
  const q = USD_PRICE.get(quote);
  return b === undefined || q === undefined ? undefined : b / q;
}

/** The spot pair a derivative tracks (`tBTCF0:USTF0` → `tBTCUST`, else `tBTCUSD`). */
export function spotOf(derivative: string, tradingPairs: readonly string[]): string | undefined {
  const [base] = splitPair(derivative.slice(1));
  const under = base.replace(/F0$/, '');
  const ust = `t${pairName(under, 'UST')}`;
  const usd = `t${pairName(under, 'USD')}`;
  if (tradingPairs.includes(ust)) return ust;
  return tradingPairs.includes(usd) ? usd : undefined;
}

/** Builds a universe restricted to the given pairs / funding currencies (defaults: everything). */
export function buildUniverse(pairs?: readonly string[], funding?: readonly string[]): SimSymbols {
  const tradingPairs = pairs ? pairs.map((p) => (p.startsWith('t') ? p : `t${p}`)) : DEFAULT_SYMBOLS.tradingPairs;
  const fundingCurrencies = funding ? funding.map((f) => (f.startsWith('f') ? f : `f${f}`)) : DEFAULT_SYMBOLS.fundingCurrencies;
  const derivatives = tradingPairs.filter((p) => /F0:USTF0$/.test(p));
  return { tradingPairs, fundingCurrencies, derivatives };
}
