import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const extensionDir = path.resolve('.output/chrome-mv3');

/**
 * Builds the real extension once for all browser tests, with the default
 * server address (the tests point it at their own server through the
 * extension's settings).
 */
export default function setup() {
  const env = { ...process.env };
  delete env.PROFROST_PUBLIC_URL;
  delete env.PORT;
  execFileSync(process.execPath, [path.resolve('node_modules/wxt/bin/wxt.mjs'), 'build'], { env, stdio: 'pipe' });
}
