import { describe, expect, it } from 'vitest';
import { frames, sampleNames } from './samples.js';
import { NON_MODEL_FILES, route } from './route.js';

const files = sampleNames().map((f) => f.replace(/\.json$/, ''));

describe('every sample file decodes through the model table', () => {
  it('finds the sample files', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  for (const file of files) {
    it(`${file}: every model payload decodes, re-encodes and re-decodes to the same object`, () => {
      let rows = 0;
      frames(file).forEach((f, i) => {
        const routed = route(file, i, f);
        if (!routed) return;
        const { model } = routed;
        for (const raw of routed.rows) {
          const obj = model.decode(raw) as Record<string, unknown>;
          rows++;
          expect(Object.keys(obj).sort()).toEqual(model.fields.filter((n) => n !== null).sort());
          for (const v of Object.values(obj)) expect(v).not.toBeUndefined();
          // At least one named field carries a value: the row was really this model's shape.
          expect(Object.values(obj).some((v) => v !== null)).toBe(true);
          expect(model.decode(model.encode(obj))).toEqual(obj);
        }
      });
      if (NON_MODEL_FILES.has(file)) expect(rows).toBe(0);
      else expect(rows).toBeGreaterThan(0);
    });
  }
});
