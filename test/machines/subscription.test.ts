import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, type AnyEventObject } from 'xstate';
import { subscriptionMachine, type SubscriptionEmitted } from '../../machines/subscription.machine.js';
import { ticker } from './fake-socket.js';

/**
 * A subscription with a recording parent that is also the socket it is handed (it sends its
 * subscribe frames to the socket and asks its parent to unsubscribe).
 */
function start() {
  const asked: AnyEventObject[] = [];
  const parent = createActor(fromCallback(({ receive }) => receive((e: AnyEventObject) => void asked.push(e))));
  parent.start();
  const connected = { type: 'CONNECTED' as const, socket: parent };
  const actor = createActor(subscriptionMachine, { input: { sub: ticker('s1') }, parent });
  const emitted: SubscriptionEmitted[] = [];
  actor.on('*', (e) => void emitted.push(e));
  actor.start();
  return { actor, emitted, asked, connected };
}

describe('subscription machine', () => {
  it('pending → subscribing → active ⇄ resubscribing, back to pending on disconnect, subscribed again after reconnect', () => {
    const { actor, emitted, asked, connected } = start();
    expect(actor.getSnapshot().value).toBe('pending');
    actor.send({ type: 'ACK', chanId: 1 });
    expect(actor.getSnapshot().value).toBe('pending');
    actor.send(connected);
    expect(asked.at(-1)).toEqual({ type: 'subscribe', sub: ticker('s1') });
    expect(actor.getSnapshot().context.socket).toBe(connected.socket);
    actor.send({ type: 'ACK', chanId: 7 });
    expect(actor.getSnapshot().value).toBe('active');
    actor.send({ type: 'RESYNC' });
    expect(actor.getSnapshot().value).toEqual({ resubscribing: 'unsubscribing' });
    expect(asked.at(-1)).toEqual({ type: 'sub.send', subId: 's1', command: { type: 'unsubscribe', chanId: 7, purpose: 'resync' } });
    actor.send({ type: 'UNSUBSCRIBED' });
    expect(actor.getSnapshot().value).toEqual({ resubscribing: 'subscribing' });
    expect(asked.at(-1)).toEqual({ type: 'subscribe', sub: ticker('s1') });
    actor.send({ type: 'ACK', chanId: 8 });
    actor.send({ type: 'DISCONNECTED' });
    expect(actor.getSnapshot().context.chanId).toBeNull();
    expect(actor.getSnapshot().context.socket).toBeNull();
    actor.send(connected);
    actor.send({ type: 'ACK', chanId: 9 });
    expect(emitted).toEqual([
      { type: 'subscribed', subId: 's1', chanId: 7 },
      { type: 'resubscribed', subId: 's1', chanId: 8 },
      { type: 'subscribed', subId: 's1', chanId: 9 },
    ]);
    expect(actor.getSnapshot().context.acks).toBe(3);
  });

  it('ends as unsubscribed only when the server confirmed, or failed with a typed event and output', () => {
    const a = start();
    a.actor.send(a.connected);
    a.actor.send({ type: 'ACK', chanId: 3 });
    a.actor.send({ type: 'UNSUBSCRIBE' });
    expect(a.actor.getSnapshot().value).toBe('unsubscribing');
    expect(a.asked.at(-1)).toMatchObject({ command: { type: 'unsubscribe', chanId: 3, purpose: 'end' } });
    a.actor.send({ type: 'UNSUBSCRIBED' });
    expect(a.actor.getSnapshot().status).toBe('done');
    expect(a.actor.getSnapshot().output).toEqual({ subId: 's1', state: 'unsubscribed', error: null });
    expect(a.emitted.at(-1)).toEqual({ type: 'unsubscribed', subId: 's1' });

    const b = start();
    b.actor.send(b.connected);
    const error = { code: 'ERR_BFX_SUBSCRIPTION', message: 'symbol: invalid', bfxCode: 10300 };
    b.actor.send({ type: 'ERROR', error });
    expect(b.actor.getSnapshot().output).toEqual({ subId: 's1', state: 'failed', error });
    expect(b.emitted.at(-1)).toEqual({ type: 'failed', subId: 's1', error });
  });
});
