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

/** Slicing-by-4 tables: `SLICE[k * 256 + i]` is byte `i` followed by `k` zero bytes through the register. */
const SLICE = (() => {
  const t = new Int32Array(1024);
  t.set(TABLE);
  for (let i = 0; i < 768; i++) t[i + 256] = (t[i] >>> 8) ^ TABLE[t[i] & 0xff];
  return t;
})();

/** `QUAD[v]`: the four ASCII digits of `v` (0–9999, zero-padded), first digit in the low byte. */
const QUAD = (() => {
  const t = new Int32Array(10000);
  for (let v = 0; v < 10000; v++) {
    const d = String(v).padStart(4, '0');
    t[v] = d.charCodeAt(0) | (d.charCodeAt(1) << 8) | (d.charCodeAt(2) << 16) | (d.charCodeAt(3) << 24);
  }
  return t;
})();

/** Characters fed by the last {@link feedNumber} calls (read and reset by {@link checksumSegment}). */
let fed = 0;

/** Feed the text of `s`. */
function feedText(c: number, s: string): number {
  for (let i = 0; i < s.length; i++) c = TABLE[(c ^ s.charCodeAt(i)) & 0xff] ^ (c >>> 8);
  fed += s.length;
  return c;
}

/** Feed the four zero-padded digits of `v` (0–9999). */
function feedQuad(c: number, v: number): number {
  c ^= QUAD[v];
  fed += 4;
  return SLICE[768 | (c & 0xff)] ^ SLICE[512 | ((c >>> 8) & 0xff)] ^ SLICE[256 | ((c >>> 16) & 0xff)] ^ SLICE[c >>> 24];
}

/** Feed the first `n` (1–4) of the four zero-padded digits of `v` (0–9999). */
function feedHead(c: number, v: number, n: number): number {
  let q = QUAD[v];
  fed += n;
  for (; n > 0; n--) {
    c = TABLE[(c ^ q) & 0xff] ^ (c >>> 8);
    q >>>= 8;
  }
  return c;
}

/** Feed the decimal digits of the integer `v` (0 ≤ v < 2³¹), no padding. */
function feedUint(c: number, v: number): number {
  if (v < 10000) {
    const n = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : 4;
    // The last n digits of the zero-padded four.
    let q = QUAD[v] >>> ((4 - n) * 8);
    fed += n;
    for (let i = 0; i < n; i++) {
      c = TABLE[(c ^ q) & 0xff] ^ (c >>> 8);
      q >>>= 8;
    }
    return c;
  }
  if (v < 100000000) {
    const hi = (v / 10000) | 0;
    return feedQuad(feedUint(c, hi), v - hi * 10000);
  }
  const top = (v / 100000000) | 0;
  const rest = v - top * 100000000;
  const hi = (rest / 10000) | 0;
  return feedQuad(feedQuad(feedUint(c, top), hi), rest - hi * 10000);
}

/** Feed the 8-digit zero-padded fraction `frac` (1–99,999,999) without its trailing zeros. */
function feedFraction(c: number, frac: number): number {
  const hi = (frac / 10000) | 0;
  let lo = frac - hi * 10000;
  if (lo === 0) lo = hi;
  else c = feedQuad(c, hi);
  const n = lo % 10 !== 0 ? 4 : lo % 100 !== 0 ? 3 : lo % 1000 !== 0 ? 2 : 1;
  return feedHead(c, lo, n);
}

/**
 * Feed `String(x)` without building it, for the common shapes: an integer below 2³¹, or a
 * number in [1e-6, 1e6) with at most 8 decimals (what Bitfinex sends); anything else goes through
 * `String`. For the second shape, the only decimal with ≤ 8 decimals that rounds to `x` is
 * `m / 1e8` (the rounding interval of `x` is narrower than 1e-9), every other decimal that rounds
 * to `x` has more significant digits, and `String` prints the shortest one in plain notation
 * (it switches to exponents below 1e-6 only): so `String(x)` is `m / 1e8` without trailing zeros.
 */
function feedNumber(c: number, x: number): number {
  const ax = x < 0 ? -x : x;
  if (ax < 1e6 && ax >= 1e-6) {
    const m = Math.round(ax * 1e8);
    if (m / 1e8 === ax) {
      if (x < 0) {
        c = TABLE[(c ^ 0x2d) & 0xff] ^ (c >>> 8);
        fed++;
      }
      // `m / 1e8` has the integer part of `x`: it is within 1e-9 of `x` and has ≤ 8 decimals.
      const whole = Math.floor(ax);
      const frac = (m - whole * 1e8) | 0;
      c = feedUint(c, whole | 0);
      if (frac === 0) return c;
      c = TABLE[(c ^ 0x2e) & 0xff] ^ (c >>> 8);
      fed++;
      return feedFraction(c, frac);
    }
  } else if (ax < 2147483648 && (ax | 0) === ax) {
    // 0 (either sign) and integers ≥ 1e6 (raw-book order ids); `String(-0)` is `0`.
    if (x < 0) {
      c = TABLE[(c ^ 0x2d) & 0xff] ^ (c >>> 8);
      fed++;
    }
    return feedUint(c, ax | 0);
  }
  return feedText(c, String(x));
}

/**
 * The cached form of one row's checksum text `:key:amount` (`String` of each number): its length
 * × 2³² plus the CRC register after running that text from state 0 (as uint32). Always ≥ 0, so a
 * negative value can mark "not computed yet".
 */
export function checksumSegment(key: number, amount: number): number {
  fed = 2;
  let c = TABLE[COLON];
  c = feedNumber(c, key);
  c = TABLE[(c ^ COLON) & 0xff] ^ (c >>> 8);
  c = feedNumber(c, amount);
  return fed * TWO_32 + (c >>> 0);
}

/** {@link checksumSegment} of an already formatted text `:key:amount` (the reference form). */
export function checksumSegmentOfText(text: string): number {
  fed = 0;
  const c = feedText(0, text);
  return fed * TWO_32 + (c >>> 0);
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
