import { describe, expect, expectTypeOf, it } from 'vitest';
import { decodeNotification, models, type Notification, type Order } from '../../src/models/index.js';

const order = [7, null, 3, 'tBTCUSD', 1, 2, 0.5, 0.5, 'LIMIT'];
const n = (data: unknown): unknown[] => [1700000000, 'on-req', null, 'ignored', data, null, 'SUCCESS', 'ok'];

describe('notifications', () => {
  it('decodes the notification fields and ignores index 3', () => {
    expect(models.Notification.decode(n(order))).toEqual({
      mts: 1700000000,
      type: 'on-req',
      messageId: null,
      data: order,
      code: null,
      status: 'SUCCESS',
      text: 'ok',
    });
    expect(decodeNotification(n(null)).data).toBeNull();
  });

  it('single: decodes a row or unwraps [[row]]; null data stays null', () => {
    expect(decodeNotification(n(order), models.Order).data?.id).toBe(7);
    expect(decodeNotification(n([order]), models.Order).data?.symbol).toBe('tBTCUSD');
    expect(decodeNotification(n(null), models.Order).data).toBeNull();
  });

  it('list: decodes every row; a bare row gives one element; null gives []', () => {
    const two = decodeNotification(n([order, [8, null, 4, 'tETHUSD']]), models.Order, { list: true });
    expect(two.data.map((o) => o.id)).toEqual([7, 8]);
    expect(decodeNotification(n(order), models.Order, { list: true }).data.map((o) => o.id)).toEqual([7]);
    expect(decodeNotification(n(null), models.Order, { list: true }).data).toEqual([]);
  });

  it('types data by model and list option (checked by tsc)', () => {
    expectTypeOf(decodeNotification(n(order), models.Order)).toEqualTypeOf<Notification<Order | null>>();
    expectTypeOf(decodeNotification(n(order), models.Order, { list: true })).toEqualTypeOf<Notification<Order[]>>();
    expectTypeOf(decodeNotification(n(order)).data).toEqualTypeOf<unknown>();
  });
});
