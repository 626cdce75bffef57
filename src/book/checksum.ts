/**
 * Bitfinex order-book checksum (OB_CHECKSUM): CRC-32 (IEEE) over the top 25 bids and asks,
 * interleaved as `key:amount` pairs and joined with `:`, read as a signed 32-bit integer.
 * Pure JavaScript (no `node:zlib`), shared by the client's managed books and the simulator.
 *
 * The managed books checksum incrementally: each row's `:key:amount` segment is formatted and
 * CRC'd once ({@link checksumSegment}) and the per-`cs` work is folding the cached segments
 * together ({@link foldSegment}), using that a CRC register update is linear over GF(2):
 * `crc(state, bytes) = shift_len(state) ^ crc(0, bytes)`, where `shift_len` (the register run
 * through `len` zero bytes) is applied with four 256-entry tables per length.
 *
 * @module
 */

const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of an ASCII/Latin-1 string (checksum strings only hold digits, `.`, `-`, `e`, `:`), as signed int32. */
export function crc32(str: string): number {
  let c = -1;
  for (let i = 0; i < str.length; i++) c = TABLE[(c ^ str.charCodeAt(i)) & 0xff] ^ (c >>> 8);
  return (c ^ -1) | 0;
}

/**
 * Checksum of a book given its sides best-first. `bids[i]` / `asks[i]` are `[key, amount]` with
 * key = price (P0–P4), rate (funding P) or order/offer id (R0), and the signed wire amount.
 * Numbers are formatted with `String(n)`, which is exactly the JSON token Bitfinex sent.
 */
export function bookChecksum(
  bids: readonly (readonly [number, number])[],
  asks: readonly (readonly [number, number])[],
): number {
  const parts: string[] = [];
  for (let i = 0; i < 25; i++) {
    const b = bids[i];
    if (b !== undefined) parts.push(String(b[0]), String(b[1]));
    const a = asks[i];
    if (a !== undefined) parts.push(String(a[0]), String(a[1]));
  }
  return crc32(parts.join(':'));
}

// ------------------------------------------------------------------ incremental checksum

const COLON = 0x3a;
const TWO_32 = 4294967296;

/**
 * `SHIFTS[len]`: the linear map "run the register through `len` zero bytes" as four 256-entry
 * tables (one per register byte), built on first use; `SHIFTS[0]` is unused.
 */
const SHIFTS: Int32Array[] = [new Int32Array(1024)];

function shiftTable(len: number): Int32Array {
  while (SHIFTS.length <= len) {
    const prev = SHIFTS.length === 1 ? undefined : SHIFTS[SHIFTS.length - 1];
    const next = new Int32Array(1024);
    for (let j = 0; j < 1024; j++) {
      const x = prev === undefined ? (j & 0xff) << ((j >>> 8) * 8) : prev[j];
      next[j] = TABLE[x & 0xff] ^ (x >>> 8);
    }
    SHIFTS.push(next);
  }
  return SHIFTS[len];
}

/**
 * The register state that a `:` byte takes to the CRC's initial state (`-1`): folding segments
 * `:k0:a0`, `:k1:a1`, … from this seed equals the CRC of `k0:a0:k1:a1…` from `-1`.
 */
export const CHECKSUM_SEED = (() => {
  const target = -1;
  for (let idx = 0; idx < 256; idx++) {
    if (TABLE[idx] >>> 24 !== target >>> 24) continue;
    return (((target ^ TABLE[idx]) << 8) | (idx ^ COLON)) | 0;
  }
  throw new Error('unreachable: CRC-32 table top bytes are a permutation');
})();

/**
 * The cached form of one row's checksum text `:key:amount`: its length × 2³² plus the CRC register
 * after running that text from state 0 (as uint32). Always ≥ 0, so a negative value can mark
 * "not computed yet".
 */
export function checksumSegment(key: number, amount: number): number {
  let c = TABLE[COLON];
  const k = String(key);
  for (let i = 0; i < k.length; i++) c = TABLE[(c ^ k.charCodeAt(i)) & 0xff] ^ (c >>> 8);
  c = TABLE[(c ^ COLON) & 0xff] ^ (c >>> 8);
  const a = String(amount);
  for (let i = 0; i < a.length; i++) c = TABLE[(c ^ a.charCodeAt(i)) & 0xff] ^ (c >>> 8);
  return (k.length + a.length + 2) * TWO_32 + (c >>> 0);
}

/** The register after running the text of `segment` (from {@link checksumSegment}) from `state`. */
export function foldSegment(state: number, segment: number): number {
  const len = (segment / TWO_32) | 0;
  const t = len < SHIFTS.length ? SHIFTS[len] : shiftTable(len);
  return (
    t[state & 0xff] ^
    t[256 | ((state >>> 8) & 0xff)] ^
    t[512 | ((state >>> 16) & 0xff)] ^
    t[768 | (state >>> 24)] ^
    (segment - len * TWO_32)
  );
}

/** The signed checksum from a register that folded at least one segment from {@link CHECKSUM_SEED}. */
export function finishChecksum(state: number): number {
  return (state ^ -1) | 0;
}
