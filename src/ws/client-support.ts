/**
 * Helpers of the WebSocket client: conf flags from options, machine error descriptions turned into
 * typed errors, and the set of data events (for the handles' async iterators).
 *
 * @module
 */
import type { ErrorInfo } from '../../machines/emitted.js';
import { AuthError, BfxProtocolError, CapacityError, NotConnectedError, SubscriptionError, type BfxError } from '../errors.js';
import { ConfFlag } from './contracts.js';
import { CHANNEL_EVENTS } from './event-names.js';

/** Conf flags to request (sent after `info`, on every connect). */
export interface ConfOptions {
  /** OB_CHECKSUM: verify managed books (default true). */
  readonly checksum?: boolean;
  /** SEQ_ALL: audit sequence numbers, resubscribe on a gap (default true). */
  readonly sequence?: boolean;
  /** TIMESTAMP (default false). */
  readonly timestamp?: boolean;
  /** BULK_UPDATES (default false). */
  readonly bulk?: boolean;
}

/** The public channel data events (what a handle's async iterator yields): every channel's, without the checksum events. */
export const DATA_EVENTS: ReadonlySet<string> = new Set<string>(
  Object.values(CHANNEL_EVENTS)
    .flat()
    .filter((e) => e !== 'checksum' && e !== 'checksum_mismatch'),
);

/** The conf flags for `conf`. */
export function confFlags(conf: ConfOptions = {}): number {
  let flags = 0;
  if (conf.checksum ?? true) flags |= ConfFlag.OB_CHECKSUM;
  if (conf.sequence ?? true) flags |= ConfFlag.SEQ_ALL;
  if (conf.timestamp ?? false) flags |= ConfFlag.TIMESTAMP;
  if (conf.bulk ?? false) flags |= ConfFlag.BULK_UPDATES;
  return flags;
}

/** Turn a machine error description into the typed error. */
export function toError(info: ErrorInfo, context: { subId?: string; channel?: string; connections?: number; capacity?: number } = {}): BfxError {
  switch (info.code) {
    case 'ERR_BFX_CAPACITY': {
      const e = new CapacityError(context.connections ?? 0, context.capacity ?? 0);
      return info.bfxCode === undefined ? e : Object.assign(e, { bfxCode: info.bfxCode });
    }
    case 'ERR_BFX_AUTH':
      return new AuthError(info.message, info.bfxCode === undefined ? {} : { bfxCode: info.bfxCode });
    case 'ERR_BFX_CLOSED':
      return new NotConnectedError(info.message, 'ERR_BFX_CLOSED');
    case 'ERR_BFX_PROTOCOL':
      return new BfxProtocolError(info.message);
    case 'ERR_BFX_DUPLICATE_SUB_ID':
    case 'ERR_BFX_UNKNOWN_SUBSCRIPTION':
      return new SubscriptionError(info.message, { ...context, code: info.code });
    case 'ERR_BFX_NETWORK':
      return new NotConnectedError(info.message);
    default:
      return new SubscriptionError(info.message, { ...context, bfxCode: info.bfxCode });
  }
}

