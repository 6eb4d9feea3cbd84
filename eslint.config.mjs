// Lint rules for the whole repository: `npm run lint`, run by `npm test`. Formatting is
// Prettier's job (.prettierrc); these rules hold the project's structure and its conventions.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import path from 'node:path';
import tseslint from 'typescript-eslint';

/** camelCase file names, each dot-separated part on its own: `frontMatterEdit.property.test.ts`. */
const CAMEL_CASE_FILE = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;

/**
 * Which layers of `src/` each layer may import, so dependencies point one way: the editor side
 * builds on services, services on core, and core on nothing of ours. `constants` is the ids module
 * at the root of `src/`; the other root files (`extension.ts`, `api.ts`) are wiring and may import
 * anything.
 */
const LAYER_IMPORTS = {
  core: ['core'],
  util: ['util', 'core', 'constants'],
  cli: ['cli', 'core', 'util'],
  services: ['services', 'core', 'util', 'constants'],
  languageFeatures: ['languageFeatures', 'services', 'core', 'util', 'constants'],
  views: ['views', 'services', 'core', 'util', 'constants'],
  commands: ['commands', 'views', 'languageFeatures', 'services', 'core', 'util', 'constants'],
  // Chat agents' tools run the command handlers, as the command table does.
  languageModelTools: ['languageModelTools', 'commands', 'services', 'core', 'util', 'constants'],
  // The page is a browser bundle: it shares only the types of its protocol with the extension.
  webview: ['webview', 'core/dashboardProtocol'],
};

/** The layer a path under `src/` belongs to: its first folder, or for a root file its name. */
function layerOf(relativeToSrc) {
  const parts = relativeToSrc.split(path.sep);
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.[^.]*$/, '');
}

/** Rules of our own: a few lines each do what a plugin would. */
const local = {
  rules: {
    'layer-imports': {
      meta: {
        type: 'problem',
        docs: { description: 'Imports between the layers of src/ point one way.' },
        schema: [],
        messages: { layer: 'src/{{from}} may not import from src/{{to}} (it may import {{allowed}}): move the shared code down a layer.' },
      },
      create(context) {
        const src = path.join(context.cwd, 'src');
        const file = path.relative(src, context.filename);
        if (file.startsWith('..') || path.isAbsolute(file)) return {};
        const from = layerOf(file);
        const allowed = LAYER_IMPORTS[from];
        if (!allowed) return {};
        const check = (node) => {
          const source = node.source?.value;
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = path.relative(src, path.resolve(path.dirname(context.filename), source));
          if (target.startsWith('..')) return;
          const to = layerOf(target);
          const targetPath = target.split(path.sep).join('/');
          if (allowed.includes(to) || allowed.includes(targetPath)) return;
          context.report({ node, messageId: 'layer', data: { from, to, allowed: allowed.join(', ') } });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
      },
    },
    'camel-case-file-name': {
      meta: {
        type: 'suggestion',
        docs: { description: 'File names are camelCase.' },
        schema: [],
        messages: { name: 'File name "{{name}}" is not camelCase: rename it, e.g. "{{suggestion}}".' },
      },
      create(context) {
        return {
          Program(node) {
            const base = path.basename(context.filename);
            const stem = base.slice(0, base.length - path.extname(base).length);
            if (CAMEL_CASE_FILE.test(stem)) return;
            const suggestion = stem.replace(/[-_\s]+([a-zA-Z0-9])/g, (_, c) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase());
            context.report({ node, messageId: 'name', data: { name: base, suggestion: suggestion + path.extname(base) } });
          },
        };
      },
    },
  },
};

export default defineConfig(
  {
    ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test-results/', '.bench/', 'test/fixtures/'],
  },
  {
    files: ['**/*.ts', '**/*.mjs'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { local },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'local/camel-case-file-name': 'error',
      'local/layer-imports': 'error',
      // Every control character in a pattern here is deliberate: file names, YAML, terminal colours.
      'no-control-regex': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use a named export: they keep one name for a thing across imports.' },
        { selector: "ExportSpecifier[exported.name='default']", message: 'Use a named export: they keep one name for a thing across imports.' },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      // The same convention as TypeScript's noUnusedLocals: a leading underscore marks a name left out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'src/core never imports vscode: take plain data here and adapt it in the layer that calls core.' }] },
      ],
    },
  },
  {
    // Node scripts outside the TypeScript projects.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // ESLint reads its configuration from a default export.
    files: ['eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
