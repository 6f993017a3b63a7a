import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const apiPrefix = '/api/v1';

/** The source files of the extension, tests aside. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?[jt]sx?$/.test(entry.name) && !/\.test\.[jt]sx?$/.test(entry.name) ? [path] : [];
  });
}

const literalKinds = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

/** `file:line` of every string or template literal that spells an API path; comments may mention one. */
function apiPathLiterals(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (literalKinds.has(node.kind) && node.getText(source).includes(apiPrefix)) {
      found.push(`${fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the extension', () => {
  it('spells no API path: every call names its endpoint by its route in shared/api/routes.ts', () => {
    const files = sourceFiles(join(root, 'extension'));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => apiPathLiterals(relative(root, file), readFileSync(file, 'utf8')));
    expect(found, `API paths spelled out (name the endpoint instead: callEndpoint(serverUrl, routes.<name>, …)):\n${found.join('\n')}`).toEqual([]);
  });

  it('finds an API path in any string or template literal, and none in comments', () => {
    // A sample of source code: its template placeholders are text here, as the scan reads them.
    // biome-ignore-start lint/suspicious/noTemplateCurlyInString: source code as text
    const text = [
      '// GET /api/v1/me is the teacher',
      "const a = '/api/v1/me';",
      '/* /api/v1/health */ const b = `${url}/api/v1/health`;',
      'const c = `/api/v1/programs/${id}/enrollments`;',
      'const d = `${base}/x/${id}/api/v1`;',
      'const e = <a href="/api/v1/openapi.json">API</a>;',
    ].join('\n');
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: source code as text
    expect(apiPathLiterals('sample.tsx', text)).toEqual(['sample.tsx:2', 'sample.tsx:3', 'sample.tsx:4', 'sample.tsx:5', 'sample.tsx:6']);
  });
});
