/**
 * The model table machinery: each Bitfinex array shape is described once, as an ordered list of
 * field specs, and that one description yields the TypeScript type, the decoder (array → object)
 * and the encoder (object → array, used by the simulator). REST responses, WebSocket snapshots and
 * WebSocket updates all decode through the same table.
 *
 * @module
 */

/** Base value kinds a field can hold. */
export interface FieldKindMap {
  number: number;
  string: string;
  boolean: boolean;
  object: Record<string, unknown>;
  array: unknown[];
  unknown: unknown;
}

/** A base kind, or a base kind with a `?` suffix meaning "may be `null`". */
export type FieldKind = keyof FieldKindMap | `${keyof FieldKindMap}?`;

/** A named field `[name, kind]`, or `null` for a placeholder position Bitfinex leaves empty. */
export type FieldSpec = readonly [name: string, kind: FieldKind] | null;

/** Maps a {@link FieldKind} to its TypeScript type. */
export type KindType<K> = K extends `${infer B extends keyof FieldKindMap}?`
  ? FieldKindMap[B] | null
  : K extends keyof FieldKindMap
    ? FieldKindMap[K]
    : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The plain-object type described by an ordered list of field specs. */
export type ShapeOf<F extends readonly FieldSpec[]> = Simplify<{
  -readonly [E in Extract<F[number], readonly [string, FieldKind]> as E[0]]: KindType<E[1]>;
}>;

/** Options that adapt a table to a wire quirk. */
export interface ModelOptions {
  /**
   * Recursively flatten the raw array before indexing (the "flat" models such as FundingInfo:
   * `["sym","fUSD",[a,b,c,d]]` → `["sym","fUSD",a,b,c,d]`).
   */
  readonly flat?: boolean;
  /** If the raw array's first element is itself an array, decode that inner array (Liquidation rows). */
  readonly unwrap?: boolean;
}

/** A model: its name, ordered fields, decoder and encoder. */
export interface Model<T extends object = Record<string, unknown>> {
  /** The model name (e.g. `Order`). */
  readonly name: string;
  /** Field names in wire order; `null` marks a placeholder. */
  readonly fields: readonly (string | null)[];
  /** Number of positions the table describes (raw arrays may be longer or shorter). */
  readonly length: number;
  /** Options the table was defined with. */
  readonly options: ModelOptions;
  /**
   * Decode one raw array into a plain object. Extra trailing elements are ignored, missing ones
   * decode as `null`; the exact length is never checked.
   */
  decode(raw: readonly unknown[]): T;
  /** Decode a list of raw arrays. */
  decodeList(rows: readonly (readonly unknown[])[]): T[];
  /** Encode a plain object back to the wire array (placeholders and missing fields become `null`). */
  encode(value: Partial<T>): unknown[];
}

/** The object type a {@link Model} decodes to. */
export type Infer<M> = M extends Model<infer T> ? T : never;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function flatten(raw: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  const walk = (a: readonly unknown[]): void => {
    for (const v of a) {
      if (Array.isArray(v)) walk(v);
      else out.push(v);
    }
  };
  walk(raw);
  return out;
}

/**
 * Define a model from its ordered field list.
 *
 * @example
 * const TradingPairTrade = defineModel('TradingPairTrade', [
 *   ['id', 'number'], ['mts', 'number'], ['amount', 'number'], ['price', 'number'],
 * ] as const);
 * TradingPairTrade.decode([1, 2, 0.5, 100]); // { id: 1, mts: 2, amount: 0.5, price: 100 }
 */
export function defineModel<const F extends readonly FieldSpec[]>(
  name: string,
  specs: F,
  options: ModelOptions = {},
): Model<ShapeOf<F>> {
  const fields = specs.map((s) => (s === null ? null : s[0]));
  for (const f of fields) {
    if (f !== null && !IDENT.test(f)) throw new Error(`model ${name}: invalid field name ${f}`);
  }
  // A generated decoder builds every object with one literal, so all decoded objects of a model
  // share one hidden class: the cheapest shape for the per-message data plane.
  const body = fields
    .map((f, i) => (f === null ? '' : `${f}: r[${i}] === undefined ? null : r[${i}]`))
    .filter(Boolean)
    .join(',\n');
  const literal = new Function('r', `return {\n${body}\n};`) as (r: readonly unknown[]) => ShapeOf<F>;
  const { flat = false, unwrap = false } = options;
  const decode = flat
    ? (raw: readonly unknown[]) => literal(flatten(raw))
    : unwrap
      ? (raw: readonly unknown[]) => literal(Array.isArray(raw[0]) ? (raw[0] as unknown[]) : raw)
      : literal;
  return {
    name,
    fields,
    length: fields.length,
    options,
    decode,
    decodeList(rows) {
      const out = new Array<ShapeOf<F>>(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = decode(rows[i]);
      return out;
    },
    encode(value) {
      const v = value as Record<string, unknown>;
      return fields.map((f) => (f === null ? null : (v[f] ?? null)));
    },
  };
}
