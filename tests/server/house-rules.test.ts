import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Rules of the house that an import checker cannot see (those are in
 * .dependency-cruiser.cjs): SQL is written only in a feature's store
 * (`store.ts`, `*-store.ts`, or a `store/` folder) and in the platform's
 * database folder, so that a newcomer looking for a table's queries opens
 * one place. See docs/ARCHITECTURE.md.
 */

const sqlStatement =
  /\b(SELECT\s+[a-z*(0-9]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER|UNIQUE)|ALTER\s+TABLE|DROP\s+TABLE)|\.pragma\(/;

const mayHoldSql = (file: string) => /(^|\/)store\.ts$|-store\.ts$|\/store\/[^/]+\.ts$/.test(file) || file.startsWith('server/platform/database/');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative('.', path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** `file:line` of every SQL statement written outside the places that may hold SQL. */
function sqlOutsideStores(files: readonly string[], read: (file: string) => string): string[] {
  return files
    .filter((file) => !mayHoldSql(file))
    .flatMap((file) =>
      read(file)
        .split('\n')
        .flatMap((line, i) => (sqlStatement.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
}

describe('the house rules', () => {
  it('finds SQL written outside a store', () => {
    const files = ['server/features/x/api.ts', 'server/features/x/store.ts', 'server/features/x/store/q.ts', 'server/platform/database/d.ts'];
    const found = sqlOutsideStores(files, () => "const rows = db.prepare('SELECT id FROM teachers').all();");
    expect(found).toEqual(["server/features/x/api.ts:1: const rows = db.prepare('SELECT id FROM teachers').all();"]);
  });

  it('has SQL only in the features’ stores and the platform’s database folder', () => {
    const found = sqlOutsideStores(sourceFiles('server'), (file) => fs.readFileSync(file, 'utf8'));
    expect(found, `SQL belongs in a store (store.ts, *-store.ts, store/) or in server/platform/database/:\n${found.join('\n')}`).toEqual([]);
  });
});
