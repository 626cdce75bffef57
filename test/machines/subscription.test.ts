import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { subscriptionMachine, type SubscriptionEmitted } from '../../machines/subscription.machine.js';

function start() {
  const actor = createActor(subscriptionMachine, { input: { subId: 's1' } });
  const emitted: SubscriptionEmitted[] = [];
  actor.on('*', (e) => void emitted.push(e));
  actor.start();
  return { actor, emitted };
}

describe('subscription machine', () => {
  it('pending → subscribing → active ⇄ resyncing, back to pending on disconnect, subscribed again after reconnect', () => {
    const { actor, emitted } = start();
    expect(actor.getSnapshot().value).toBe('pending');
    actor.send({ type: 'ACK', chanId: 1 });
    expect(actor.getSnapshot().value).toBe('pending');
    actor.send({ type: 'CONNECTED' });
    actor.send({ type: 'ACK', chanId: 7 });
    expect(actor.getSnapshot().value).toBe('active');
    actor.send({ type: 'RESYNC' });
    expect(actor.getSnapshot().value).toBe('resyncing');
    actor.send({ type: 'ACK', chanId: 8 });
    actor.send({ type: 'DISCONNECTED' });
    expect(actor.getSnapshot().context.chanId).toBeNull();
    actor.send({ type: 'CONNECTED' });
    actor.send({ type: 'ACK', chanId: 9 });
    expect(emitted).toEqual([
      { type: 'subscribed', subId: 's1', chanId: 7 },
      { type: 'resynced', subId: 's1', chanId: 8 },
      { type: 'subscribed', subId: 's1', chanId: 9 },
    ]);
    expect(actor.getSnapshot().context.acks).toBe(3);
  });

  it('ends as unsubscribed or failed with a typed event and output', () => {
    const a = start();
    a.actor.send({ type: 'CONNECTED' });
    a.actor.send({ type: 'UNSUBSCRIBE' });
    expect(a.actor.getSnapshot().status).toBe('done');
    expect(a.actor.getSnapshot().output).toEqual({ subId: 's1', state: 'unsubscribed', error: null });
    expect(a.emitted.at(-1)).toEqual({ type: 'unsubscribed', subId: 's1' });

    const b = start();
    b.actor.send({ type: 'CONNECTED' });
    const error = { code: 'ERR_BFX_SUBSCRIPTION', message: 'symbol: invalid', bfxCode: 10300 };
    b.actor.send({ type: 'ERROR', error });
    expect(b.actor.getSnapshot().output).toEqual({ subId: 's1', state: 'failed', error });
    expect(b.emitted.at(-1)).toEqual({ type: 'failed', subId: 's1', error });
  });
});
