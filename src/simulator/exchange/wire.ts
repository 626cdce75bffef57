/**
 * Wire arrays of the account models, in the field orders of protocol.md §2.4 (ORDER 32,
 * POSITION 20, WALLET 7, TRADE 12, FUNDING_OFFER 21, FUNDING_CREDIT 22, FUNDING_LOAN 21,
 * NOTIFICATION 8). One encoder per model, shared by REST and WebSocket.
 *
 * @module
 */
import { models } from '../../models/index.js';
import type {
  CreditRec,
  FundingTradeRec,
  LedgerRec,
  MovementRec,
  OfferRec,
  OrderRec,
  PositionRec,
  TradeRec,
  WalletRec,
} from './state.js';

/** ORDER (32 fields). */
export function orderArray(o: OrderRec): unknown[] {
  return models.Order.encode({
    id: o.id, gid: o.gid, cid: o.cid, symbol: o.symbol, mtsCreate: o.mtsCreate, mtsUpdate: o.mtsUpdate,
    amount: o.amount, amountOrig: o.amountOrig, orderType: o.type, typePrev: o.typePrev, mtsTif: o.mtsTif,
    flags: o.flags, orderStatus: o.status, price: o.price, priceAvg: o.priceAvg, priceTrailing: o.priceTrailing,
    priceAuxLimit: o.priceAuxLimit, notify: o.notify, hidden: o.hidden, routing: o.routing, meta: o.meta,
  });
}

/** A partial ORDER echoed by an error notification (id null/0, request fields filled). */
export function partialOrderArray(fields: {
  readonly id?: number | null;
  readonly gid?: number | null;
  readonly cid?: number | null;
  readonly symbol?: string | null;
  readonly amount?: number | null;
  readonly type?: string | null;
  readonly price?: number | null;
}): unknown[] {
  const row = models.Order.encode({
    gid: fields.gid, cid: fields.cid, amount: fields.amount ?? undefined, amountOrig: fields.amount ?? undefined,
    orderType: fields.type ?? undefined, price: fields.price, notify: 0,
  });
  row[0] = fields.id ?? null;
  row[3] = fields.symbol ?? null;
  return row;
}

/** TRADE (12 fields); `withFee` false gives the `te` form (FEE and FEE_CURRENCY null). */
export function tradeArray(t: TradeRec, withFee: boolean): unknown[] {
  return models.Trade.encode({
    id: t.id, symbol: t.symbol, mtsCreate: t.mts, orderId: t.orderId, execAmount: t.execAmount, execPrice: t.execPrice,
    orderType: t.orderType, orderPrice: t.orderPrice, maker: t.maker, fee: withFee ? t.fee : null,
    feeCurrency: withFee ? t.feeCurrency : null, cid: t.cid,
  });
}

/** OrderTrade (12 fields, ORDER_TYPE and ORDER_PRICE null) of `auth/r/order/{symbol}:{id}/trades`. */
export function orderTradeArray(t: TradeRec): unknown[] {
  return models.OrderTrade.encode({
    id: t.id, symbol: t.symbol, mtsCreate: t.mts, orderId: t.orderId, execAmount: t.execAmount, execPrice: t.execPrice,
    maker: t.maker, fee: t.fee, feeCurrency: t.feeCurrency, cid: t.cid,
  });
}

/** WALLET (7 fields); `available` null in the `ws` snapshot, filled in `wu`. */
export function walletArray(w: WalletRec, available: number | null): unknown[] {
  return models.Wallet.encode({
    walletType: w.type, currency: w.currency, balance: w.balance, unsettledInterest: w.unsettledInterest,
    availableBalance: available, lastChange: w.description, tradeDetails: w.meta,
  });
}

/** Calculated position values (null until computed). */
export interface PositionCalc {
  readonly pl: number | null;
  readonly plPerc: number | null;
  readonly priceLiq: number | null;
  readonly leverage: number | null;
}

/** POSITION (20 fields). */
export function positionArray(p: PositionRec, calc: PositionCalc | null): unknown[] {
  return models.Position.encode({
    symbol: p.symbol, status: p.status, amount: p.amount, basePrice: p.basePrice, marginFunding: p.marginFunding,
    marginFundingType: p.marginFundingType, pl: calc?.pl, plPerc: calc?.plPerc, priceLiq: calc?.priceLiq,
    leverage: calc?.leverage, positionId: p.id, mtsCreate: p.mtsCreate, mtsUpdate: p.mtsUpdate, type: p.type,
    collateral: p.collateral, collateralMin: p.collateralMin, meta: p.meta,
  });
}

/** FUNDING_OFFER (21 fields). */
export function offerArray(o: OfferRec): unknown[] {
  return models.FundingOffer.encode({
    id: o.id, symbol: o.symbol, mtsCreate: o.mtsCreate, mtsUpdate: o.mtsUpdate, amount: o.amount,
    amountOrig: o.amountOrig, offerType: o.type, flags: o.flags, offerStatus: o.status, rate: o.rate,
    period: o.period, notify: o.notify, hidden: o.hidden, renew: o.renew,
  });
}

/** FUNDING_CREDIT (22 fields) or FUNDING_LOAN (21 fields, without POSITION_PAIR). */
export function creditArray(c: CreditRec, kind: 'credit' | 'loan'): unknown[] {
  const fields = {
    id: c.id, symbol: c.symbol, side: c.side, mtsCreate: c.mtsCreate, mtsUpdate: c.mtsUpdate, amount: c.amount,
    flags: c.flags, status: c.status, rateType: c.rateType, rate: c.rate, period: c.period, mtsOpening: c.mtsOpening,
    mtsLastPayout: c.mtsLastPayout, notify: c.notify, hidden: c.hidden, renew: c.renew, noClose: c.noClose,
  };
  return kind === 'credit'
    ? models.FundingCredit.encode({ ...fields, positionPair: c.positionPair })
    : models.FundingLoan.encode(fields);
}

/** FUNDING_TRADE (`[ID,CURRENCY,MTS_CREATE,OFFER_ID,AMOUNT,RATE,PERIOD,MAKER]`). */
export function fundingTradeArray(t: FundingTradeRec): unknown[] {
  return models.FundingTrade.encode({
    id: t.id, currency: t.currency, mtsCreate: t.mts, offerId: t.offerId, amount: t.amount, rate: t.rate, period: t.period,
  });
}

/** LEDGER (`[ID,CURRENCY,WALLET,MTS,_,AMOUNT,BALANCE,_,DESCRIPTION]`). */
export function ledgerArray(l: LedgerRec): unknown[] {
  return models.Ledger.encode({
    id: l.id, currency: l.currency, wallet: l.wallet, mts: l.mts, amount: l.amount, balance: l.balance, description: l.description,
  });
}

/** MOVEMENT (22 fields). */
export function movementArray(m: MovementRec): unknown[] {
  return models.Movement.encode({
    id: m.id, currency: m.currency, currencyName: m.currencyName, mtsStart: m.mtsStarted, mtsUpdate: m.mtsUpdated,
    status: m.status, amount: m.amount, fees: m.fees, destinationAddress: m.address, transactionId: m.txid,
    withdrawTransactionNote: m.note,
  });
}

/** Notification status values. */
export type NotificationStatus = 'SUCCESS' | 'ERROR' | 'FAILURE' | 'INFO';

/** NOTIFICATION `[MTS,TYPE,MESSAGE_ID,null,DATA,CODE,STATUS,TEXT]`. */
export function notificationArray(
  mts: number | null,
  type: string,
  data: unknown,
  status: NotificationStatus,
  text: string | null,
  messageId: number | null = null,
): unknown[] {
  return models.Notification.encode({ mts, type, messageId, data, code: null, status, text });
}
