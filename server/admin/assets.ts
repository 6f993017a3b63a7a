import fs from 'node:fs';
import { Hono } from 'hono';

/**
 * The stylesheet and the script of the admin pages, served as files so that
 * the Content-Security-Policy can forbid inline styles and scripts.
 */
const css = fs.readFileSync(new URL('./assets/admin.css', import.meta.url), 'utf8');
const js = fs.readFileSync(new URL('./assets/admin.js', import.meta.url), 'utf8');

export const assetPaths = { css: '/admin/assets/admin.css', js: '/admin/assets/admin.js' } as const;

export function assetRoutes() {
  return new Hono()
    .get('/admin.css', (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }))
    .get('/admin.js', (c) => c.body(js, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));
}
