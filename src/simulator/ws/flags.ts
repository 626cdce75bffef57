/**
 * `conf` flags (protocol.md §1.4) and how they shape array frames.
 *
 * @module
 */
import { ConfFlag } from '../../ws/contracts.js';

/** Flag values of the `conf` event (the client's table: one definition for both sides). */
export const WS_FLAGS = ConfFlag;

/** True when `flags` has `flag` set (flags go beyond 2^31, so no bitwise operators). */
export function hasFlag(flags: number, flag: number): boolean {
  return Math.floor(flags / flag) % 2 === 1;
}
