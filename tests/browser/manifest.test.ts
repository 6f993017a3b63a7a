// The adapters registry reads import.meta.env, as Vite (and vitest) provide it.
/// <reference types="vite/client" />
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT, PAGE_BRIDGE_SCRIPT } from '../../extension/background/inject-content.ts';
import { journalMatchPatterns } from '../../extension/journals/registry.ts';
import { extensionDir } from './build-extension.ts';

/** The manifest the build produced (tests/browser/build-extension.ts builds for the default server, localhost). */
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
  permissions: string[];
  host_permissions: string[];
  content_scripts?: unknown[];
  web_accessible_resources: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
};

const journalHosts = ['http://localhost/*', ...journalMatchPatterns.filter((pattern) => !pattern.startsWith('http://localhost/'))];

describe('the built manifest', () => {
  it('lists no content scripts: the background injects them after the journal page has loaded', () => {
    expect(manifest.content_scripts ?? []).toEqual([]);
    // They are built all the same, for the background to inject.
    expect(fs.existsSync(path.join(extensionDir, CONTENT_SCRIPT))).toBe(true);
    expect(fs.existsSync(path.join(extensionDir, PAGE_BRIDGE_SCRIPT))).toBe(true);
  });

  it('asks for host permissions on the configured server and the known journals, nothing wider', () => {
    expect(manifest.host_permissions.sort()).toEqual([...new Set(journalHosts)].sort());
    for (const pattern of manifest.host_permissions) {
      expect(pattern).toMatch(/^https?:\/\/(\*\.)?[a-z0-9.-]+\/\*$/); // a scheme, a named host (or its subdomains), any path
    }
  });

  it('asks for no permission beyond storage, alarms, scripting and webRequest: no tabs, no webNavigation ("read your browsing history")', () => {
    expect(manifest.permissions.sort()).toEqual(['alarms', 'scripting', 'storage', 'webRequest']);
    expect(manifest.permissions).not.toContain('webRequestBlocking');
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions).not.toContain('webNavigation');
  });

  it('exposes no code to the pages: the shadow root stylesheet and the panel page are web-accessible, on the journals only, under the dynamic URL', () => {
    expect(manifest.web_accessible_resources.flatMap((entry) => entry.resources).sort()).toEqual(['content-scripts/content.css', 'panel.html']);
    for (const entry of manifest.web_accessible_resources) {
      expect(entry.matches.sort()).toEqual([...new Set(journalHosts)].sort());
      expect(entry.use_dynamic_url).toBe(true);
    }
    // The panel's code is loaded by the panel page itself, from the extension's origin: not web-accessible.
    expect(JSON.stringify(manifest.web_accessible_resources)).not.toMatch(/\.js/);
  });

  it('keeps the validation library out of everything the extension runs: the content script, the bridge, the panel page and the worker', () => {
    // In the page zod would weigh more than the panel itself; in the worker it was half of a script compiled
    // and run every time the browser wakes it. The worker checks answers with zod-free guards (shared/api/answer-guards.ts).
    const panelCode = fs.readdirSync(path.join(extensionDir, 'chunks')).filter((file) => file.startsWith('panel-'));
    expect(panelCode).toHaveLength(1);
    for (const file of [CONTENT_SCRIPT, PAGE_BRIDGE_SCRIPT, `/chunks/${panelCode[0]}`, 'background.js']) {
      const code = fs.readFileSync(path.join(extensionDir, file), 'utf8');
      expect(code, file).not.toContain('_zod');
      expect(code, file).not.toContain('ZodError');
    }
  });

  it("keeps the API's contract out of the background worker: it calls endpoints through the zod-free routes and checks answers with guards", () => {
    // Whatever the worker's script holds is compiled and run each time the browser wakes it: the whole contract
    // (every endpoint's schemas, the council summaries' among them) made it 246 KB; the answer schemas alone, 221 KB;
    // the guards instead of zod, 109 KB.
    const background = fs.readFileSync(path.join(extensionDir, 'background.js'), 'utf8');
    expect(background).not.toContain('/api/v1/reports/');
    expect(background.length).toBeLessThan(125_000);
  });
});
