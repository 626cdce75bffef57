/**
 * The simulator's fee schedule: maker and taker rates for spot/margin and for derivatives,
 * and the share of interest the platform keeps from lenders. Rates are positive when paid
 * (a negative maker rate is a rebate).
 *
 * @module
 */
import { isDerivPair } from './numbers.js';

/** Fee rates (fractions: 0.001 = 0.1 %). */
export interface SimFeeSchedule {
  /** Spot and margin maker fee (default 0.001). */
  readonly maker: number;
  /** Spot and margin taker fee (default 0.002). */
  readonly taker: number;
  /** Derivatives maker fee (default -0.0002: a rebate). */
  readonly derivMaker: number;
  /** Derivatives taker fee (default 0.00065). */
  readonly derivTaker: number;
  /** Share of funding interest kept from lenders (default 0.15). */
  readonly fundingLender: number;
}

/** Default {@link SimFeeSchedule} (Bitfinex's base tier). */
export const DEFAULT_FEES: SimFeeSchedule = { maker: 0.001, taker: 0.002, derivMaker: -0.0002, derivTaker: 0.00065, fundingLender: 0.15 };

/** The schedule with `partial` overriding the defaults. */
export function resolveFees(partial: Partial<SimFeeSchedule> | undefined): SimFeeSchedule {
  return { ...DEFAULT_FEES, ...partial };
}

/** The rate a fill on `symbol` pays. Hidden orders always pay the taker rate, as on Bitfinex. */
export function feeRate(fees: SimFeeSchedule, symbol: string, maker: boolean): number {
  if (isDerivPair(symbol)) return maker ? fees.derivMaker : fees.derivTaker;
  return maker ? fees.maker : fees.taker;
}
