/**
 * Send a custom notification (`ucm-*`) over the authenticated WebSocket and receive its echo as the
 * `notification` event, against the bundled simulator: `npx tsx examples/ws-auth-notify.ts`.
 * `notify` resolves once the frame is sent (Bitfinex does not acknowledge it); match the echo by
 * `messageId`.
 */
import { createBfxSystem, type Notification } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const apiKey = 'example-key';
const apiSecret = 'example-secret';
const sim = await createBfxSimulator({ accounts: [{ apiKey, apiSecret }], market: { updatesPerSecond: 0 } });
const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl, apiKey, apiSecret });
try {
  await new Promise<void>((resolve) => bfx.ws.once('authenticated', () => resolve()));
  const echoes = new Map<number, (n: Notification<unknown>) => void>();
  bfx.ws.on('notification', (n) => {
    console.log(`notification ${n.type} #${n.messageId}:`, n.data);
    if (n.messageId !== null) echoes.get(n.messageId)?.(n);
  });

  const { messageId } = await bfx.ws.inputs.notify({ type: 'info', message: 'Hello from bfx-actors', level: 'info' }, { type: 'ucm-notify-ui' });
  console.log(`sent custom notification #${messageId}`);
  const echo = await Promise.race([
    new Promise<Notification<unknown>>((resolve) => echoes.set(messageId, resolve)),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000)),
  ]);
  console.log(echo ? `echoed back: ${echo.status}` : 'no echo within 2 s (the real server echoes to your other sessions)');
} finally {
  await bfx.close();
  await sim.close();
}
