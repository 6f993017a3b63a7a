// dependency-cruiser: which part of the code may import which (`npm run rules`).
// Arrows only go down: the server's composition (server/*.ts) → its features → its platform → shared.
// The extension and the server never import each other; shared imports neither.

/** The server's composition: the files directly in server/ that mount every feature. */
const composition = '^server/[^/]+\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'server-not-extension',
      comment: 'The server must not import the extension: the two are built and shipped apart, and meet only through shared/ and the HTTP API.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^extension/' },
    },
    {
      name: 'extension-not-server',
      comment: 'The extension must not import the server: the two are built and shipped apart, and meet only through shared/ and the HTTP API.',
      severity: 'error',
      from: { path: '^extension/' },
      to: { path: '^server/' },
    },
    {
      name: 'shared-stands-alone',
      comment: 'shared/ must import neither the server, the extension, the tests nor the benchmarks, so that both sides can use it as it is.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|extension|tests|bench)/' },
    },
    {
      name: 'platform-not-features',
      comment:
        "The server's platform (what every feature uses) must import neither a feature nor the composition files in server/, so that it stays below them and every feature can rely on it alone.",
      severity: 'error',
      from: { path: '^server/platform/' },
      to: { path: ['^server/features/', composition] },
    },
    {
      name: 'features-not-composition',
      comment: 'A feature must not import the composition files in server/, which mount every feature: the feature would depend on all the others.',
      severity: 'error',
      from: { path: '^server/features/' },
      to: { path: composition },
    },
    {
      name: 'no-circular',
      comment:
        'Modules must not import each other in a circle, not even through type-only imports: modules in a circle can only be understood, tested and moved together, and a type-only import turns into a value import with one edit.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'source-not-tests',
      comment: 'The server, shared/ and the extension must not import from tests/: test helpers and fixtures are not shipped.',
      severity: 'error',
      from: { path: '^(server|shared|extension)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^tests/' },
    },
    {
      name: 'testing-helpers-only-in-tests',
      comment:
        'The test helpers beside the code (shared/testing/, extension/testing/) are for tests only: code that ships must not import them, or they would be bundled and run.',
      severity: 'error',
      from: { path: '^(server|shared|extension)/', pathNot: ['\\.test\\.tsx?$', '^(shared|extension)/testing/'] },
      to: { path: '^(shared|extension)/testing/' },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'Every import must resolve to a file or an installed package: one that does not fails at run time, and the rules above cannot see where it points.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.wxt|\\.output)/' },
    // Type-only imports count: they are arrows between the parts of the code as much as value imports are.
    tsPreCompilationDeps: true,
    // Only for how imports resolve (moduleResolution Bundler, explicit .ts/.tsx extensions); the project has no path aliases.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js'],
      // Packages' subpaths (hono/jsx, csv-parse/sync, wxt/utils/…) resolve through their `exports` maps,
      // under the conditions TypeScript's `moduleResolution: Bundler` uses.
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'default'],
    },
  },
};
