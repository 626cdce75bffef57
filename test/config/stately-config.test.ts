import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (p: string): unknown => JSON.parse(readFileSync(root + p, 'utf8'));

describe('stately.config.json', () => {
  const schema = read('stately.config.schema.json') as object;
  const config = read('stately.config.json') as { machines: string[] };
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('is valid against its shipped JSON Schema', () => {
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects unknown fields and wrong types (the schema can fail)', () => {
    expect(validate({ ...config, unknown: 1 })).toBe(false);
    expect(validate({ ...config, modelTests: { maxAttempts: 0, pathKind: 'all', limit: 1 } })).toBe(false);
  });

  it('lists machine modules that exist, one machine per file', () => {
    for (const m of config.machines) {
      expect(existsSync(root + m), m).toBe(true);
      expect(m).toMatch(/^machines\/[a-z-]+\.machine\.ts$/);
    }
  });
});
