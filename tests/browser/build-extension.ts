import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The tests' own build, beside (never over) the .output/chrome-mv3 that `npm start` or a person made. */
const outDir = path.resolve('.output/tests');
export const extensionDir = path.join(outDir, 'chrome-mv3');

/**
 * Builds the real extension once for all browser tests, with the default
 * server address (the tests point it at their own server through the
 * extension's settings), into a folder of the tests' own.
 */
export default function setup() {
  const env: NodeJS.ProcessEnv = { ...process.env, PROFROST_EXTENSION_OUT_DIR: outDir };
  delete env.PROFROST_PUBLIC_URL;
  delete env.PORT;
  execFileSync(process.execPath, [path.resolve('node_modules/wxt/bin/wxt.mjs'), 'build'], { env, stdio: 'pipe' });
}
