/**
 * The page's entry: reads the hosts (and, for the simulator, credentials) from the query string,
 * starts the dashboard and exposes it as `window.dashboard`.
 *
 *   index.html?rest=http://127.0.0.1:PORT/v2&ws=ws://127.0.0.1:PORT/ws/2&key=KEY&secret=SECRET
 *
 * Never put real API secrets in a URL or in a page's code: a browser dashboard on a real account
 * belongs behind your own server. The simulator's keys are made up.
 */
import { startDashboard, type Dashboard } from './dashboard.js';

declare global {
  interface Window {
    dashboard?: Dashboard;
  }
}

const q = new URLSearchParams(location.search);
const opt = (name: string): string | undefined => q.get(name) ?? undefined;
window.dashboard = startDashboard(
  {
    restHost: opt('rest'),
    wssHost: opt('ws'),
    apiKey: opt('key'),
    apiSecret: opt('secret'),
    symbol: opt('symbol'),
    backoff: q.has('fast') ? { initialMs: 200, maxMs: 2_000 } : undefined,
  },
  document.getElementById('dashboard') ?? undefined,
);
