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

export const assetPaths = { css: '/admin/assets/admin.css', js: '/admin/assets/admin.js', icon: '/admin/assets/icon.svg' } as const;

/** The tab's icon: «П» on the admin pages' blue; browsers that ask for /favicon.ico get it too (app.ts). */
export const icon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f5fa8"/><text x="16" y="23" font-family="Arial, sans-serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">П</text></svg>';

export function adminAssets() {
  return new Hono()
    .get('/admin.css', (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }))
    .get('/admin.js', (c) => c.body(js, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }))
    .get('/icon.svg', (c) => c.body(icon, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=86400' }));
}
