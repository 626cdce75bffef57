/**
 * Incoming frames of one socket: `ping`, `conf`, `subscribe`, `unsubscribe`, `auth`, `unauth`,
 * channel-0 inputs; unknown events get `10000 event: invalid (x)`, non-JSON text is ignored.
 *
 * @module
 */
import { handleAuth, handleInput, handleUnauth } from './account-channel.js';
import { sendSnapshot } from './channels.js';
import type { Session } from './session.js';
import { checkSubscribe, subscribedAck, subscribeError, type SubscribeRequest } from './subscribe-request.js';

function handleSubscribe(session: Session, req: SubscribeRequest): void {
  const { market } = session.ctx;
  const check = checkSubscribe(market, req);
  if (check.kind === 'silent') return;
  if (check.kind === 'error') {
    session.sendEvent(subscribeError(req, check.msg, 10300));
    return;
  }
  const { spec } = check;
  const dup = session.findDup(spec);
  if (dup) {
    session.sendEvent(subscribeError(req, 'subscribe: dup', 10301, dup.chanId));
    return;
  }
  if (session.subscriptionCount >= session.ctx.options.maxSubscriptions) {
    session.sendEvent(subscribeError(req, 'subscribe: limit', 10305));
    return;
  }
  const chanId = session.allocChanId();
  const view = spec.channel === 'book' && spec.symbol ? market.openBookView(spec.symbol, spec.prec ?? 'P0', spec.len ?? 25) : undefined;
  session.sendEvent(subscribedAck(spec, chanId, req.subId));
  const sub = session.addSub(chanId, spec, view);
  if (sub.replayed !== true) sendSnapshot(market, sub);
}

function handleUnsubscribe(session: Session, req: Readonly<Record<string, unknown>>): void {
  const chanId = req.chanId;
  if (typeof chanId === 'number' && session.sub(chanId)) {
    session.removeSub(chanId);
    session.sendEvent({ event: 'unsubscribed', status: 'OK', chanId });
    return;
  }
  const notSubscribed = typeof chanId === 'number' && session.wasIssued(chanId);
  session.sendEvent({
    event: 'error',
    msg: notSubscribed ? 'unsubscribe: not subscribed' : 'unsubscribe: invalid',
    code: notSubscribed ? 10401 : 10400,
    chanId,
  });
}

function handleConf(session: Session, req: Readonly<Record<string, unknown>>): void {
  const flags = req.flags;
  if (typeof flags !== 'number' || !Number.isSafeInteger(flags) || flags < 0) {
    session.sendEvent({ event: 'conf', status: 'FAILED', flags, code: 10050 });
    return;
  }
  session.flags = flags;
  session.sendEvent({ event: 'conf', status: 'OK', flags });
}

function handleEvent(session: Session, req: Readonly<Record<string, unknown>>): void {
  switch (req.event) {
    case 'ping':
      session.sendEvent({ event: 'pong', ts: session.ctx.market.now(), ...(req.cid !== undefined ? { cid: req.cid } : {}) });
      return;
    case 'conf':
      return handleConf(session, req);
    case 'subscribe':
      return handleSubscribe(session, req);
    case 'unsubscribe':
      return handleUnsubscribe(session, req);
    case 'auth':
      return handleAuth(session, req);
    case 'unauth':
      return handleUnauth(session);
    default:
      session.sendEvent({ event: 'error', msg: `event: invalid (${String(req.event)})`, code: 10000 });
  }
}

/** Handles one text frame from the client. Never throws. */
export function handleMessage(session: Session, text: string): void {
  session.touch();
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return;
  }
  try {
    if (Array.isArray(msg)) handleInput(session, msg);
    else if (msg !== null && typeof msg === 'object') handleEvent(session, msg as Record<string, unknown>);
  } catch (err) {
    session.sendEvent({ event: 'error', msg: `internal: ${err instanceof Error ? err.message : String(err)}`, code: 10001 });
  }
}
