// The library build: ESM modules (one file per source module, so bundlers tree-shake per element) and declarations,
// under dist/. Every package dependency stays external; a consumer's bundler resolves it once.
import { readdirSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { literalsHtmlCssMinifier } from '@literals/rollup-plugin-html-css-minifier';

const defines = readdirSync('src/define').filter((file) => file.endsWith('.ts'));

export const entries = {
  index: 'src/index.ts',
  ...Object.fromEntries(defines.map((file) => [`define/${file.replace(/\.ts$/, '')}`, `src/define/${file}`])),
  'core/index': 'src/core/index.ts',
  'client/index': 'src/client/index.ts',
  'server/index': 'src/server/index.ts',
  'mock/index': 'src/mock/index.ts',
  'mock/browser': 'src/mock/browser.ts',
};

/**
 * Minifies the CSS (lightningcss, no transpiling) and HTML in `css` and `html` template literals, so a consumer's bundler
 * (which leaves template literal text alone) ships them small. Whitespace between inline nodes is kept
 * (`conservativeCollapse`): a template's text renders exactly as written.
 */
const minifyLiterals = literalsHtmlCssMinifier({
  include: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/node/**'],
  failOnError: true,
  options: {
    minifyOptions: {
      caseSensitive: true,
      collapseWhitespace: true,
      conservativeCollapse: true,
      removeComments: true,
      minifyCSS: true,
    },
  },
});

/**
 * Which of our modules have side effects: the ones package.json's `sideEffects` names (registrations, the root, string
 * tables, the localizer). For every other module an import that is only there for its types is dropped, so no
 * `import '../../core/oauth.js'` (and zod with it) is left behind in an element's file for a bundler to follow.
 */
const ownSideEffects = (id) =>
  /[\\/]src[\\/](index\.ts|define[\\/][^\\/]+\.ts|i18n[\\/]strings[\\/][^\\/]+\.ts|i18n[\\/]localize\.ts)$/.test(id);

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

const library = {
  input: entries,
  external: isBare,
  treeshake: { moduleSideEffects: (id, external) => external || ownSideEffects(id) },
  output: {
    dir: 'dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    entryFileNames: '[name].js',
    sourcemap: true,
  },
  plugins: [
    minifyLiterals,
    nodeResolve({ exportConditions: ['browser'] }),
    typescript({ tsconfig: 'tsconfig.build.json', outDir: 'dist', declarationDir: 'dist' }),
  ],
};

/** The shared layers (`../core/index.js`, `../server/index.js`) that src/node imports: built once, by `library`. */
const isSharedLayer = (id) => /^\.\.\/(core|server)\/index\.js$/.test(id);

/**
 * `mail-elements/node` and the `mail-elements-server` command: Node only, with Node's types. The shared layers stay
 * external and are imported from the library build's files, so this build never overwrites them with a version
 * tree-shaken for Node.
 */
const node = {
  input: { 'node/index': 'src/node/index.ts', 'node/cli': 'src/node/cli.ts' },
  external: (id) => isBare(id) || id.startsWith('node:') || isSharedLayer(id),
  makeAbsoluteExternalsRelative: false,
  output: { ...library.output },
  plugins: [typescript({ tsconfig: 'tsconfig.node-build.json', outDir: 'dist', declarationDir: 'dist' })],
};

export default [library, node];
