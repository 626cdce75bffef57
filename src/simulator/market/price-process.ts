/**
 * The fair price of one symbol as a seeded stochastic process: a geometric random walk with a
 * configurable per-step volatility, slow trend regimes, volatility bursts, a weak pull back to
 * the reference price (so long runs stay plausible), and scripted moves (crash, spike, halt,
 * burst) from the scenario API. One `step()` per market tick; no clock, so a run is the same
 * for a seed whatever the wall-clock speed.
 *
 * @module
 */
import type { Rng } from './prng.js';

/** Shape of the price process (all optional in {@link MarketOptions}). */
export interface PriceProcessOptions {
  /** Standard deviation of the log-price change per market step (default 0.0001: ≈ 0.17 % a minute at 5 steps/s; 0 = a flat fair price). */
  readonly volatility: number;
  /** Random trend regimes (default true). */
  readonly trends: boolean;
  /** Random volatility bursts (default true). */
  readonly bursts: boolean;
}

/** Default {@link PriceProcessOptions}. */
export const DEFAULT_PRICE_PROCESS: PriceProcessOptions = { volatility: 0.0001, trends: true, bursts: true };

const REVERSION = 1e-5;
const TREND_SWITCH = 0.002;
/** Drift per step of a trend regime, in units of the volatility. */
const TREND_SIZE = 0.04;
const BURST_START = 0.001;
const BURST_FACTOR = 4;

/** The fair price of one symbol. */
export class PriceProcess {
  /** Current fair price (or rate). */
  fair: number;
  private drift = 0;
  private burstLeft = 0;
  private burstFactor = 1;
  private move: { perStep: number; left: number } | undefined;
  private haltLeft = 0;

  constructor(
    private readonly ref: number,
    private readonly rng: Rng,
    private readonly options: PriceProcessOptions,
  ) {
    this.fair = ref;
  }

  /** True while a halt scenario runs (the market neither trades nor changes its book). */
  get halted(): boolean {
    return this.haltLeft > 0;
  }

  /** A standard normal draw (sum of four uniforms, rescaled). */
  private normal(): number {
    const r = this.rng;
    return (r.next() + r.next() + r.next() + r.next() - 2) * Math.sqrt(3);
  }

  /** Advances one step; returns the new fair price. Halted steps keep the price. */
  step(): number {
    if (this.haltLeft > 0) {
      this.haltLeft--;
      return this.fair;
    }
    const { volatility, trends, bursts } = this.options;
    if (trends && this.rng.next() < TREND_SWITCH) this.drift = (this.rng.int(0, 2) - 1) * TREND_SIZE * volatility;
    if (bursts && this.burstLeft === 0 && this.rng.next() < BURST_START) this.startBurst(BURST_FACTOR, this.rng.int(50, 200));
    const sigma = volatility * (this.burstLeft > 0 ? this.burstFactor : 1);
    if (this.burstLeft > 0) this.burstLeft--;
    let dlog = sigma * this.normal() + this.drift - REVERSION * Math.log(this.fair / this.ref);
    if (this.move) {
      dlog += this.move.perStep;
      if (--this.move.left === 0) this.move = undefined;
    }
    this.fair *= Math.exp(dlog);
    return this.fair;
  }

  /** Scripted move: the fair price changes by `change` (e.g. -0.1 = -10 %) over `steps` steps, on top of the noise. */
  scriptMove(change: number, steps: number): void {
    const n = Math.max(1, Math.floor(steps));
    this.move = { perStep: Math.log(1 + change) / n, left: n };
  }

  /** Volatility multiplied by `factor` for `steps` steps. */
  startBurst(factor: number, steps: number): void {
    this.burstFactor = factor;
    this.burstLeft = Math.max(1, Math.floor(steps));
  }

  /** No trades and no book changes for `steps` steps. */
  halt(steps: number): void {
    this.haltLeft = Math.max(1, Math.floor(steps));
  }

  /** Ends a halt early. */
  resume(): void {
    this.haltLeft = 0;
  }
}
