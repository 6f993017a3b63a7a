import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

/**
 * The stylesheet and the script of the admin pages, served as files so that
 * the Content-Security-Policy can forbid inline styles and scripts.
 */
// A path, not `new URL('../../admin/assets/…', import.meta.url)`: Vite rewrites that form into a web asset URL
// when the server is loaded into a browser-like test environment (the panel's tests run the real server).
const assetsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const css = fs.readFileSync(path.join(assetsDir, 'admin.css'), 'utf8');
const js = fs.readFileSync(path.join(assetsDir, 'admin.js'), 'utf8');

export const assetPaths = { css: '/admin/assets/admin.css', js: '/admin/assets/admin.js' } as const;

export function adminAssets() {
  return new Hono()
    .get('/admin.css', (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }))
    .get('/admin.js', (c) => c.body(js, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));
}
