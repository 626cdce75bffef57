/**
 * Serves the browser dashboard against the bundled simulator:
 *
 *   npx tsx examples/browser/serve.ts      # prints a URL; open it in a browser
 *
 * It bundles `main.ts` for the browser with esbuild (no shims: the package's main entry needs no
 * Node.js built-in), serves the page on 127.0.0.1, and starts a simulator with one demo account.
 * The browser test (test/browser) uses the same functions.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createBfxSimulator, type BfxSimulator } from 'bfx-actors/simulator';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Bundle the page's script (`main.ts` and `bfx-actors`) for browsers, in memory. */
export async function bundleDashboard(): Promise<string> {
  const out = await build({
    entryPoints: [`${here}main.ts`],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** A static server for the page. */
export interface DashboardServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  close(): Promise<void>;
}

/** Serve `index.html` and the bundle on 127.0.0.1 (port 0 = any free port). */
export async function serveDashboard(bundle: string, port = 0): Promise<DashboardServer> {
  const html = await readFile(`${here}index.html`, 'utf8');
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/' || path === '/index.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (path === '/dashboard.bundle.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The simulator's demo account (made-up keys; never put real secrets in a page). */
export const DEMO_ACCOUNT = { apiKey: 'dashboard-demo-key', apiSecret: 'dashboard-demo-secret' } as const;

/** The page URL with the simulator's hosts and the demo account in its query string. */
export function dashboardUrl(server: DashboardServer, sim: BfxSimulator, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ rest: sim.restUrl, ws: sim.wsUrl, key: DEMO_ACCOUNT.apiKey, secret: DEMO_ACCOUNT.apiSecret, ...extra });
  return `${server.url}?${q.toString()}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sim = await createBfxSimulator({ accounts: [DEMO_ACCOUNT] });
  const server = await serveDashboard(await bundleDashboard(), Number(process.env.PORT ?? 0));
  console.log(`dashboard: ${dashboardUrl(server, sim)}`);
  const stop = (): void => void Promise.all([server.close(), sim.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
