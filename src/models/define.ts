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
  /** A number field. */
  number: number;
  /** A string field. */
  string: string;
  /** A boolean field (`0`/`1` on the wire). */
  boolean: boolean;
  /** An object field. */
  object: Record<string, unknown>;
  /** An array field. */
  array: unknown[];
  /** A field of any shape. */
  unknown: unknown;
}

/** A base kind, or a base kind with a `?` suffix meaning "may be `null`". */
export type FieldKind = keyof FieldKindMap | `${keyof FieldKindMap}?`;

/**
 * A field that holds another model's array (e.g. `PulseMessage.profile` holds a `PulseProfile`).
 * Build it with {@link nested}. It decodes to the nested model's object, or `null` when the wire
 * value is not an array.
 */
export interface NestedKind<T extends object = object> {
  /** The model the nested array decodes with. */
  readonly model: Model<T>;
  /** The wire wraps the nested array once more (`[[...]]`); decode unwraps, encode re-wraps. */
  readonly wrapped: boolean;
}

/**
 * A named field `[name, kind]` (kind: a {@link FieldKind} or a {@link NestedKind}), or `null` for a
 * placeholder position Bitfinex leaves empty.
 */
export type FieldSpec = readonly [name: string, kind: FieldKind | NestedKind] | null;

/** Maps a {@link FieldKind} (or {@link NestedKind}) to its TypeScript type. */
export type KindType<K> =
  K extends NestedKind<infer T>
    ? T | null
    : K extends `${infer B extends keyof FieldKindMap}?`
      ? FieldKindMap[B] | null
      : K extends keyof FieldKindMap
        ? FieldKindMap[K]
        : never;

/** Flattens an intersection into one object type (for readable hover types). */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The plain-object type described by an ordered list of field specs. */
export type ShapeOf<F extends readonly FieldSpec[]> = Simplify<{
  -readonly [E in Extract<F[number], readonly [string, FieldKind | NestedKind]> as E[0]]: KindType<E[1]>;
}>;

/** Kind letters of a {@link fieldsOf} list (a field without one is a number). */
interface KindLetters {
  s: 'string';
  b: 'boolean';
  o: 'object';
  a: 'array';
  u: 'unknown';
}

/** The field spec of one {@link fieldsOf} token. */
export type FieldOfToken<T extends string> = T extends '_'
  ? null
  : T extends `${infer N}:${infer K extends keyof KindLetters}?`
    ? readonly [N, `${KindLetters[K]}?`]
    : T extends `${infer N}:${infer K extends keyof KindLetters}`
      ? readonly [N, KindLetters[K]]
      : T extends `${infer N}?`
        ? readonly [N, 'number?']
        : readonly [T, 'number'];

/** The field specs of a {@link fieldsOf} list. */
export type FieldsOf<S extends string, Acc extends readonly FieldSpec[] = []> = S extends `${infer H} ${infer R}`
  ? FieldsOf<R, [...Acc, FieldOfToken<H>]>
  : [...Acc, FieldOfToken<S>];

const LETTERS: Readonly<Record<string, string>> = { s: 'string', b: 'boolean', o: 'object', a: 'array', u: 'unknown' };

/**
 * Field specs from a compact list, one space-separated token per wire position: `name` a number,
 * `name:s` a string (`b` boolean, `o` object, `a` array, `u` unknown), a `?` suffix "may be
 * `null`", `_` a placeholder. `fieldsOf('id symbol:s _ price?')` is
 * `[['id', 'number'], ['symbol', 'string'], null, ['price', 'number?']]`, with that type.
 */
export function fieldsOf<const S extends string>(list: S): FieldsOf<S> {
  return list.split(' ').map((token) => {
    if (token === '_') return null;
    const [, name, letter, optional] = /^(\w+)(?::(\w))?(\?)?$/.exec(token) ?? [];
    const kind = letter === undefined ? 'number' : LETTERS[letter];
    if (name === undefined || kind === undefined) throw new Error(`bad field token ${token}`);
    return [name, optional ? `${kind}?` : kind];
  }) as unknown as FieldsOf<S>;
}

/** Options that adapt a table to a wire quirk. */
export interface ModelOptions {
  /**
   * Recursively flatten the raw array before indexing (the "flat" models such as FundingInfo:
   * `["sym","fUSD",[a,b,c,d]]` → `["sym","fUSD",a,b,c,d]`).
   */
  readonly flat?: boolean;
  /** If the raw array's first element is itself an array, decode that inner array (Liquidation rows). */
  readonly unwrap?: boolean;
  /**
   * The wire shape {@link Model.encode} produces, as a template: a number `i` is the value of table
   * position `i` (`null` for a placeholder), a nested array is emitted as an array, and any other
   * value (a string such as `"sym"`, or `null`) is emitted literally. Without a layout, encode
   * emits the table positions in order. Lets flat and unwrapped models encode to their real wire
   * shape, e.g. FundingInfo `['sym', 1, [2, 3, 4, 5]]` → `["sym","fUSD",[a,b,c,d]]`.
   */
  readonly layout?: readonly unknown[];
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
  /**
   * Like {@link Model.decode}, after checking that every number field holds a number (or `null`,
   * or is absent): one `typeof` per number field. Throws `TypeError` naming the model and field
   * otherwise (the data plane reports it as a `BfxProtocolError` and drops the frame).
   */
  decodeChecked(raw: readonly unknown[]): T;
  /** {@link Model.decodeChecked} for a list. */
  decodeListChecked(rows: readonly (readonly unknown[])[]): T[];
  /**
   * Encode a plain object back to the wire array (placeholders and missing fields become `null`;
   * nested fields are encoded with their model; the options' `layout`, if any, gives the shape).
   */
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
 * Describe a field holding another model's array.
 *
 * @param model - the nested model.
 * @param options - `wrapped: true` when the wire wraps the nested array once more (`[[...]]`).
 * @example
 * defineModel('PulseMessage', [['pid', 'string'], ['profile', nested(PulseProfile, { wrapped: true })]] as const);
 */
export function nested<T extends object>(
  model: Model<T>,
  options: { readonly wrapped?: boolean } = {},
): NestedKind<T> {
  return { model, wrapped: options.wrapped ?? false };
}

function isNested(kind: FieldKind | NestedKind): kind is NestedKind {
  return typeof kind === 'object';
}

function nestedDecoder(kind: NestedKind): (v: unknown) => object | null {
  const { model, wrapped } = kind;
  return (v) => {
    if (!Array.isArray(v)) return null;
    return model.decode(wrapped && Array.isArray(v[0]) ? (v[0] as unknown[]) : v);
  };
}

function nestedEncoder(kind: NestedKind): (v: unknown) => unknown {
  const { model, wrapped } = kind;
  return (v) => {
    if (v === null || v === undefined || typeof v !== 'object') return null;
    const row = model.encode(v);
    return wrapped ? [row] : row;
  };
}

function fillLayout(layout: readonly unknown[], row: readonly unknown[]): unknown[] {
  return layout.map((t) =>
    typeof t === 'number' ? (row[t] ?? null) : Array.isArray(t) ? fillLayout(t, row) : t,
  );
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
  // Nested fields decode/encode through their model; indexed by table position.
  const decoders: ((v: unknown) => object | null)[] = [];
  const encoders: ((v: unknown) => unknown)[] = [];
  specs.forEach((s, i) => {
    if (s !== null && isNested(s[1])) {
      decoders[i] = nestedDecoder(s[1]);
      encoders[i] = nestedEncoder(s[1]);
    }
  });
  // A generated decoder builds every object with one literal, so all decoded objects of a model
  // share one hidden class: the cheapest shape for the per-message data plane.
  const body = fields
    .map((f, i) =>
      f === null
        ? ''
        : decoders[i]
          ? `${f}: n[${i}](r[${i}])`
          : `${f}: r[${i}] === undefined ? null : r[${i}]`,
    )
    .filter(Boolean)
    .join(',\n');
  // One `typeof` per number field, fused into the literal (straight-line code) for the checked decoder.
  const numberFields = specs.flatMap((sp, i) => (sp !== null && typeof sp[1] === 'string' && sp[1].startsWith('number') ? [i] : []));
  const fail = (row: readonly unknown[], bad: number): never => {
    throw new TypeError(`${name}.${fields[bad]} must be a number, got ${JSON.stringify(row[bad])?.slice(0, 40)}`);
  };
  // The nested decoders (and `fail`) are closed over by the generated function, so decoding stays one call.
  const generate = (fn: string, checks: string): ((r: readonly unknown[]) => ShapeOf<F>) =>
    new Function('n', 'fail', `return function ${fn}(r) {\n${checks}return {\n${body}\n};\n};`)(decoders, fail) as (r: readonly unknown[]) => ShapeOf<F>;
  const literal = generate('decode', '');
  const fused = generate('decodeChecked', numberFields.map((i) => `if (r[${i}] != null && typeof r[${i}] !== 'number') fail(r, ${i});\n`).join(''));
  const { flat = false, unwrap = false, layout } = options;
  const rowOf = (raw: readonly unknown[]): readonly unknown[] => (flat ? flatten(raw) : Array.isArray(raw[0]) ? (raw[0] as unknown[]) : raw);
  const decode = flat || unwrap ? (raw: readonly unknown[]) => literal(rowOf(raw)) : literal;
  const decodeChecked = flat || unwrap ? (raw: readonly unknown[]) => fused(rowOf(raw)) : fused;
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
    decodeChecked,
    decodeListChecked(rows) {
      const out = new Array<ShapeOf<F>>(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = decodeChecked(rows[i]);
      return out;
    },
    encode(value) {
      const v = value as Record<string, unknown>;
      const row = fields.map((f, i) => {
        if (f === null) return null;
        const enc = encoders[i];
        return enc ? enc(v[f]) : (v[f] ?? null);
      });
      return layout ? fillLayout(layout, row) : row;
    },
  };
}
