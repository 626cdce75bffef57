import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // The package's self-reference (examples import 'bfx-actors'), as tsconfig `paths` does for tsc and tsx.
    alias: [
      { find: /^bfx-actors$/, replacement: src('index.ts') },
      { find: /^bfx-actors\/simulator$/, replacement: src('simulator/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
