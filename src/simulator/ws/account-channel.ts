/**
 * The authenticated side of a socket (protocol.md §2): the `auth` event, channel-0 snapshots
 * and live account frames (honouring `filter`), client inputs `[0, TYPE, null, PAYLOAD]`
 * answered with the `n` notification first, and the dead-man switch (`dms: 4`).
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { AccountFrame, SimAccount, SimInputType } from '../contracts.js';
import { frameMatchesFilter } from '../exchange/filter.js';
import type { AccountLink, Session } from './session.js';

const INPUTS = new Set<string>(['on', 'ou', 'oc', 'oc_multi', 'ox_multi', 'fon', 'foc', 'calc', 'n']);
const isInput = (t: string): t is SimInputType => INPUTS.has(t);

const AUTH_MESSAGES: Readonly<Record<10100 | 10114, string>> = { 10100: 'apikey: invalid', 10114: 'nonce: small' };

function authFailed(session: Session, code: number, msg: string, subId: unknown): void {
  session.sendEvent({ event: 'auth', status: 'FAILED', chanId: 0, code, msg, ...(subId !== undefined ? { subId } : {}) });
}

function nonceOf(req: Readonly<Record<string, unknown>>, payload: string, required: boolean): string | number | undefined {
  const n = req.authNonce;
  if (typeof n === 'string' || typeof n === 'number') return n;
  if (required) return undefined;
  const digits = /^AUTH(\d+)/.exec(payload)?.[1];
  return digits ?? Date.now() * 1000;
}

/** Starts the account channel of an authenticated socket. */
function startAccount(session: Session, account: SimAccount, filter: readonly string[] | undefined, dms: boolean): void {
  for (const [type, data] of account.snapshotFrames(filter)) session.sendAccount(type, data);
  const unsubscribe = account.subscribe((frame: AccountFrame) => {
    if (frameMatchesFilter(frame, filter)) session.sendAccount(frame[0], frame[1]);
  });
  const link: AccountLink = {
    account,
    close(socketClosed) {
      unsubscribe();
      if (socketClosed && dms) account.cancelAllOrders();
    },
  };
  session.accountStarted(link);
}

/** Handles the `auth` event. */
export function handleAuth(session: Session, req: Readonly<Record<string, unknown>>): void {
  const subId = req.subId;
  if (session.account) {
    authFailed(session, 10100, 'auth: dup', subId);
    return;
  }
  const reject = session.ctx.faults.rejectAuth;
  if (reject.count > 0) {
    reject.count--;
    authFailed(session, reject.code, AUTH_MESSAGES[reject.code], subId);
    return;
  }
  const { apiKey, authSig, authPayload } = req;
  if (typeof apiKey !== 'string' || typeof authSig !== 'string') return authFailed(session, 10100, 'apikey: invalid', subId);
  if (typeof authPayload !== 'string' || !authPayload.startsWith('AUTH')) return authFailed(session, 10100, 'apikey: digest invalid', subId);
  const nonce = nonceOf(req, authPayload, session.ctx.options.authNonceRequired);
  if (nonce === undefined) return authFailed(session, 10114, 'nonce: small', subId);
  const result = session.ctx.exchange.verify(apiKey, nonce, authPayload, authSig);
  if (!result.ok) return authFailed(session, result.code, result.msg, subId);
  const { account } = result;
  session.sendEvent({
    event: 'auth',
    status: 'OK',
    chanId: 0,
    userId: account.userId,
    auth_id: randomUUID(),
    caps: account.caps,
    ...(subId !== undefined ? { subId } : {}),
  });
  const filter = Array.isArray(req.filter) ? req.filter.filter((f): f is string => typeof f === 'string') : undefined;
  startAccount(session, account, filter, req.dms === 4 || req.dms === '4');
}

/** Handles `unauth`: detaches the account channel (no dead-man switch). */
export function handleUnauth(session: Session): void {
  const link = session.account;
  if (!link) {
    session.sendEvent({ event: 'error', msg: 'unauth: invalid', code: 10200 });
    return;
  }
  link.close(false);
  session.account = undefined;
  session.sendEvent({ event: 'unauth', status: 'OK', chanId: 0 });
}

/** Handles an array frame from the client (`[0, TYPE, null, PAYLOAD]`). */
export function handleInput(session: Session, frame: readonly unknown[]): void {
  const type = frame[1];
  if (frame[0] !== 0 || typeof type !== 'string') {
    session.sendEvent({ event: 'error', msg: 'input: invalid', code: 10020 });
    return;
  }
  const account = session.account?.account;
  if (!account) {
    session.sendEvent({ event: 'error', msg: 'auth: required', code: 10200, input: type });
    return;
  }
  if (!isInput(type)) {
    session.sendEvent({ event: 'error', msg: `input: invalid (${type})`, code: 10020 });
    return;
  }
  const notification = account.input(type, frame[3], 'ws');
  const cut = session.ctx.faults.cutAfterInput;
  if (cut !== undefined && cut.count > 0 && (cut.type === undefined || cut.type === type)) {
    // The input was executed; its answer (and the events it caused) never reach this socket.
    cut.count--;
    session.ws.terminate();
    return;
  }
  if (notification.length > 0) session.sendAccount('n', notification);
}
