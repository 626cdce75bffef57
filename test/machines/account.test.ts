/**
 * The account machine on its own: built from snapshots and updates, each post-reauth snapshot
 * replacing its collection and emitting what changed while offline; first snapshots emit no
 * changes; closed rows leave; margin and balance info kept.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { accountMachine, type AccountDataEvent, type AccountEmitted } from '../../machines/account.machine.js';
import { models, type Order, type Position, type Wallet } from '../../src/models/index.js';
import { authOrders, authPositions } from '../account/fixtures.js';

const order = (id: number, o: { price?: number; amount?: number; status?: string } = {}): Order => {
  const r = [...(authOrders[1]![2] as unknown[])];
  r[0] = id;
  r[6] = o.amount ?? -2.5;
  r[13] = o.status ?? 'ACTIVE';
  r[16] = o.price ?? 230;
  return models.Order.decode(r);
};
const position = (symbol: string, amount: number, status = 'ACTIVE'): Position => {
  const r = [...(authPositions[1]![2] as unknown[])];
  r[0] = symbol;
  r[1] = status;
  r[2] = amount;
  return models.Position.decode(r);
};
const wallet = (type: string, currency: string, balance: number): Wallet => models.Wallet.decode([type, currency, balance, 0, null, null, null]);

function start() {
  const actor = createActor(accountMachine).start();
  const emitted: AccountEmitted[] = [];
  actor.on('*', (e) => emitted.push(e));
  const data = (e: Omit<AccountDataEvent, 'type'>): void => actor.send({ type: 'account.data', ...e } as AccountDataEvent);
  return { actor, emitted, data, ctx: () => actor.getSnapshot().context };
}

describe('accountMachine', () => {
  it('builds the view from snapshots and updates; a first snapshot emits no offline change', () => {
    const { actor, emitted, data, ctx } = start();
    actor.send({ type: 'account.authenticated' });
    expect(actor.getSnapshot().value).toEqual({ online: 'syncing' });
    data({ event: 'order_snapshot', data: [order(1), order(2)] });
    data({ event: 'position_snapshot', data: [position('tBTCUSD', 1)] });
    data({ event: 'wallet_snapshot', data: [wallet('exchange', 'USD', 100)] });
    expect(emitted.map((e) => e.type)).toEqual(['snapshot_applied', 'snapshot_applied', 'snapshot_applied']);
    expect(emitted[0]).toMatchObject({ collection: 'order', resync: false, changes: 0 });

    data({ event: 'order_new', data: order(3) });
    data({ event: 'order_update', data: order(1, { price: 240 }) });
    data({ event: 'order_cancel', data: order(2, { status: 'CANCELED' }) });
    data({ event: 'position_update', data: position('tBTCUSD', 2) });
    data({ event: 'position_new', data: position('tETHUSD', -1) });
    data({ event: 'position_close', data: position('tETHUSD', 0, 'CLOSED') });
    data({ event: 'wallet_update', data: wallet('exchange', 'BTC', 0.5) });
    data({ event: 'balance_update', data: { aum: 10, aumNet: 9 } });
    data({ event: 'base_margin_info', data: models.BaseMarginInfo.decode(['base', [1, 2, 3, 4, 5]]) });
    data({ event: 'symbol_margin_info', data: models.SymbolMarginInfo.decode(['sym', 'tBTCUSD', [1, 2, 3, 4, null, null, null, null]]) });

    const c = ctx();
    expect(Object.keys(c.orders).sort()).toEqual(['1', '3']);
    expect(c.orders['1']!.price).toBe(240);
    expect(Object.keys(c.positions)).toEqual(['tBTCUSD']);
    expect(c.positions.tBTCUSD!.amount).toBe(2);
    expect(Object.keys(c.wallets).sort()).toEqual(['exchange:BTC', 'exchange:USD']);
    expect(c.balance).toEqual({ aum: 10, aumNet: 9 });
    expect(c.marginInfo.base?.marginNet).toBe(4);
    expect(c.marginInfo.symbols.tBTCUSD?.tradableBalance).toBe(1);
    expect(c.synced).toEqual(['order', 'position', 'wallet']);
    expect(emitted).toHaveLength(3); // live updates are not offline changes
  });

  it('a post-reauth snapshot replaces the view and emits what changed while offline', () => {
    const { actor, emitted, data, ctx } = start();
    actor.send({ type: 'account.authenticated' });
    data({ event: 'order_snapshot', data: [order(1), order(2), order(3)] });
    data({ event: 'position_snapshot', data: [position('tBTCUSD', 1), position('tETHUSD', 1)] });
    data({ event: 'wallet_snapshot', data: [wallet('exchange', 'USD', 100), wallet('exchange', 'BTC', 1)] });
    actor.send({ type: 'account.lost' });
    expect(actor.getSnapshot().value).toBe('offline');
    expect(ctx().orders['1']).toBeDefined(); // the last view stays readable while offline
    emitted.length = 0;

    actor.send({ type: 'account.authenticated' });
    expect(ctx().synced).toEqual([]);
    data({ event: 'order_snapshot', data: [order(1), order(3, { amount: -1 }), order(4)] });
    data({ event: 'position_snapshot', data: [position('tBTCUSD', 1), position('tLTCUSD', 3)] });
    data({ event: 'wallet_snapshot', data: [wallet('exchange', 'USD', 90), wallet('exchange', 'BTC', 1)] });
    const types = emitted.map((e) => e.type);
    expect(types).toEqual([
      'order_closed_offline', 'order_changed_offline', 'order_opened_offline', 'snapshot_applied',
      'position_closed_offline', 'position_opened_offline', 'snapshot_applied',
      'wallet_changed_offline', 'snapshot_applied',
    ]);
    expect(emitted[0]).toMatchObject({ before: { id: 2 } });
    expect(emitted[1]).toMatchObject({ before: { id: 3, amount: -2.5 }, after: { id: 3, amount: -1 } });
    expect(emitted[3]).toEqual({ type: 'snapshot_applied', collection: 'order', resync: true, changes: 3 });
    expect(emitted[7]).toMatchObject({ before: { balance: 100 }, after: { balance: 90 } });
    expect(Object.keys(ctx().orders).sort()).toEqual(['1', '3', '4']);
    expect(ctx().sessions).toBe(2);
  });

  it('typed listeners: actor.on narrows by type', () => {
    const { actor, data } = start();
    const closed: number[] = [];
    actor.on('order_closed_offline', (e) => closed.push(e.before.id));
    data({ event: 'order_snapshot', data: [order(7)] });
    data({ event: 'order_snapshot', data: [] });
    expect(closed).toEqual([7]);
  });

  it('funding offers, credits and loans by id', () => {
    const { data, ctx } = start();
    const offer = models.FundingOffer.decode([41238905, 'fUSD', 1, 1, 100, 100, 'LIMIT', null, null, 0, 'ACTIVE', null, null, null, 0.002, 2, 0, 0, null, 0, null]);
    data({ event: 'funding_offer_snapshot', data: [offer] });
    data({ event: 'funding_offer_update', data: { ...offer, amount: 50 } });
    expect(ctx().fundingOffers['41238905']!.amount).toBe(50);
    data({ event: 'funding_offer_cancel', data: offer });
    expect(ctx().fundingOffers).toEqual({});
  });

  describe('account_synced', () => {
    const snapshots = ['position_snapshot', 'wallet_snapshot', 'order_snapshot', 'funding_offer_snapshot', 'funding_credit_snapshot', 'funding_loan_snapshot'] as const;
    const syncs = (emitted: AccountEmitted[]) => emitted.filter((e) => e.type === 'account_synced');

    it('is emitted once per session, after the last of the six snapshots; a re-authentication syncs again as a resync', () => {
      const { actor, emitted, data } = start();
      actor.send({ type: 'account.authenticated' });
      for (const event of snapshots) {
        expect(syncs(emitted)).toEqual([]);
        expect(actor.getSnapshot().matches({ online: 'syncing' })).toBe(true);
        data({ event, data: [] } as never);
      }
      expect(actor.getSnapshot().value).toEqual({ online: 'synced' });
      expect(syncs(emitted)).toEqual([{ type: 'account_synced', session: 1, resync: false }]);
      // Updates and a repeated snapshot in the same session do not sync again.
      data({ event: 'order_new', data: order(9) });
      data({ event: 'order_snapshot', data: [order(9)] });
      expect(syncs(emitted)).toHaveLength(1);

      actor.send({ type: 'account.lost' });
      expect(actor.getSnapshot().value).toBe('offline');
      actor.send({ type: 'account.authenticated' });
      expect(actor.getSnapshot().value).toEqual({ online: 'syncing' });
      // The previous session's view stays readable while the new snapshots arrive.
      expect(Object.keys(actor.getSnapshot().context.orders)).toEqual(['9']);
      for (const event of snapshots.slice(0, 5)) data({ event, data: [] } as never);
      expect(syncs(emitted)).toHaveLength(1);
      data({ event: 'funding_loan_snapshot', data: [] });
      expect(syncs(emitted)).toEqual([
        { type: 'account_synced', session: 1, resync: false },
        { type: 'account_synced', session: 2, resync: true },
      ]);
    });

    it('waits only for the snapshots the auth filter selects', () => {
      const trading = start();
      trading.actor.send({ type: 'account.authenticated', filter: ['trading-tBTCUSD', 'balance'] });
      trading.data({ event: 'order_snapshot', data: [] });
      expect(syncs(trading.emitted)).toEqual([]);
      trading.data({ event: 'position_snapshot', data: [] });
      expect(syncs(trading.emitted)).toHaveLength(1);

      const funding = start();
      funding.actor.send({ type: 'account.authenticated', filter: ['funding', 'wallet-exchange-USD'] });
      for (const event of ['funding_offer_snapshot', 'funding_credit_snapshot', 'wallet_snapshot'] as const) funding.data({ event, data: [] } as never);
      expect(syncs(funding.emitted)).toEqual([]);
      funding.data({ event: 'funding_loan_snapshot', data: [] });
      expect(syncs(funding.emitted)).toHaveLength(1);

      // A filter that selects no snapshot at all: complete at once.
      const notify = start();
      notify.actor.send({ type: 'account.authenticated', filter: ['notify'] });
      expect(notify.actor.getSnapshot().value).toEqual({ online: 'synced' });
      expect(syncs(notify.emitted)).toEqual([{ type: 'account_synced', session: 1, resync: false }]);
    });
  });
});
