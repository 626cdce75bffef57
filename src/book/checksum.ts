/**
 * Bitfinex order-book checksum (OB_CHECKSUM): CRC-32 (IEEE) over the top 25 bids and asks,
 * interleaved as `key:amount` pairs and joined with `:`, read as a signed 32-bit integer.
 * Pure JavaScript (no `node:zlib`), shared by the client's managed books and the simulator.
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
