/**
 * Drives the market: the engine never runs timers, so the WebSocket face ticks every symbol
 * that has at least one subscriber `updatesPerSecond` times a second (plus one derivative per
 * period while someone listens to `liq:global`, so liquidations keep coming).
 *
 * @module
 */
import type { MarketEngine } from '../contracts.js';

/** A running market driver. */
export interface MarketDriver {
  stop(): void;
}

/** Starts ticking; `symbols()` is read on every period. */
export function startDriver(market: MarketEngine, updatesPerSecond: number, symbols: () => Iterable<string>, wantsLiquidations: () => boolean): MarketDriver {
  if (!(updatesPerSecond > 0)) return { stop: () => undefined };
  let rotate = 0;
  const tick = (symbol: string): void => {
    try {
      market.tick(symbol);
    } catch {
      // One failing symbol must not stop the others.
    }
  };
  const timer = setInterval(() => {
    const ticks = market.nextPeriodTicks();
    for (let i = 0; i < ticks; i++) for (const symbol of [...symbols()]) tick(symbol);
    const derivs = market.symbols.derivatives;
    if (wantsLiquidations() && derivs.length > 0) tick(derivs[rotate++ % derivs.length]);
  }, Math.max(1, Math.round(1000 / updatesPerSecond)));
  return { stop: () => clearInterval(timer) };
}
