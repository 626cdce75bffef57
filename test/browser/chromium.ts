/**
 * Finds a Chromium for the browser test: `CHROMIUM_PATH`, then Debian's `/usr/bin/chromium`
 * (installed by `.ci/run`), then other usual names.
 */
import { accessSync, constants } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

/** The path of an executable Chromium, or undefined. */
export function findChromium(): string | undefined {
  const list = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH, ...CANDIDATES] : CANDIDATES;
  for (const path of list) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // next
    }
  }
  return undefined;
}
