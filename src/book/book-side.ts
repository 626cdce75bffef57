/**
 * One side of a managed book: its rows best first and, next to each row, the row's cached
 * checksum segment (formatted and CRC'd the first time a `cs` frame needs it, dropped when the row
 * is replaced). Inserts and removals shift both arrays in place: no `splice`, no allocation.
 *
 * @module
 */
import type { BookRow } from './types.js';

/** Marks a row whose checksum segment is not computed yet (segments are ≥ 0). */
export const NO_SEGMENT = -1;

/** Rows of one side, best first, with their cached checksum segments. */
export class BookSide {
  /** Rows, best first. */
  readonly rows: BookRow[] = [];
  /** `segments[i]`: `checksumSegment` of `rows[i]`, or `NO_SEGMENT` (-1). */
  readonly segments: number[] = [];

  /** Number of rows. */
  get length(): number {
    return this.rows.length;
  }

  /** Insert `row` at index `i` (0 ≤ i ≤ length). */
  insert(i: number, row: BookRow): void {
    const rows = this.rows;
    const segments = this.segments;
    let j = rows.length;
    rows.push(row);
    segments.push(NO_SEGMENT);
    for (; j > i; j--) {
      rows[j] = rows[j - 1];
      segments[j] = segments[j - 1];
    }
    rows[i] = row;
    segments[i] = NO_SEGMENT;
  }

  /** Remove the row at index `i` (0 ≤ i < length). */
  removeAt(i: number): void {
    const rows = this.rows;
    const segments = this.segments;
    const last = rows.length - 1;
    for (let j = i; j < last; j++) {
      rows[j] = rows[j + 1];
      segments[j] = segments[j + 1];
    }
    rows.pop();
    segments.pop();
  }

  /** Replace the row at index `i` (its cached segment is dropped). */
  replace(i: number, row: BookRow): void {
    this.rows[i] = row;
    this.segments[i] = NO_SEGMENT;
  }

  /** Remove every row. */
  clear(): void {
    this.rows.length = 0;
    this.segments.length = 0;
  }
}
