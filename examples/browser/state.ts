/**
 * The dashboard's state: plain data, no DOM types, so the page, tests and a server can share it.
 */

/** What the dashboard knows; JSON-friendly, updated as events arrive. */
export interface DashboardState {
  platform?: 'operative' | 'maintenance';
  wallets: { type: string; currency: string; balance: number }[];
  lastPrice?: number;
  tickerUpdates: number;
  bestBid?: number;
  bestAsk?: number;
  checksums: number;
  checksumMismatches: number;
  authenticated: boolean;
  userId?: number;
  orders: { id: number; status: string }[];
  disconnections: number;
  reconnections: number;
  subscribed: string[];
  errors: string[];
  log: string[];
}
