// The adapters registry reads import.meta.env, as Vite (and vitest) provide it.
/// <reference types="vite/client" />
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalMatchPatterns } from '../../extension/journals/registry.ts';
import { extensionDir } from './build-extension.ts';

/** The manifest the build produced (tests/browser/build-extension.ts builds for the default server, localhost). */
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
  permissions: string[];
  host_permissions: string[];
  content_scripts: { matches: string[]; js: string[]; world?: string }[];
  web_accessible_resources: { resources: string[]; matches: string[] }[];
};

const journalHosts = ['http://localhost/*', ...journalMatchPatterns.filter((pattern) => !pattern.startsWith('http://localhost/'))];

describe('the built manifest', () => {
  it('runs the content scripts on the known journals only', () => {
    const [content, bridge] = manifest.content_scripts;
    expect(content?.js).toEqual(['content-scripts/content.js']);
    expect(content?.matches.sort()).toEqual([...journalMatchPatterns].sort());
    // The page-world script only where a journal keeps its teacher in a page global.
    expect(bridge).toMatchObject({ js: ['content-scripts/journal-bridge.js'], world: 'MAIN' });
    expect(bridge?.matches.sort()).toEqual(
      ['https://sgo.e-yakutia.ru/*', 'https://deti.obr03.ru/*', 'https://giseo.rkomi.ru/*', 'https://dnevnik.ru/*', 'https://schools.dnevnik.ru/*'].sort(),
    );
  });

  it('asks for host permissions on the configured server and those journals, nothing wider', () => {
    expect(manifest.host_permissions.sort()).toEqual([...new Set(journalHosts)].sort());
    for (const pattern of manifest.host_permissions) {
      expect(pattern).toMatch(/^https?:\/\/(\*\.)?[a-z0-9.-]+\/\*$/); // a scheme, a named host (or its subdomains), any path
    }
  });

  it('asks for no permission beyond storage, alarms and scripting (for injecting the panel)', () => {
    expect(manifest.permissions.sort()).toEqual(['alarms', 'scripting', 'storage']);
  });

  it('exposes no code to the pages: only the shadow root stylesheet is web-accessible, and the panel is not listed', () => {
    expect(manifest.web_accessible_resources.flatMap((entry) => entry.resources)).toEqual(['content-scripts/content.css']);
    expect(fs.existsSync(path.join(extensionDir, 'panel.js'))).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain('panel.js');
  });
});
