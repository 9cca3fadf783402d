// Lint rules, and the architecture's import boundaries (DESIGN.md): imports point only downwards.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_LIBS = ['react', 'react-dom', 'react-dom/*', 'antd', 'antd/*', 'react-i18next', 'zustand', 'zustand/*'];
const MAP_LIBS = ['maplibre-gl', 'maplibre-gl/*', '@deck.gl/*', 'pmtiles'];
const STORE_LIBS = ['@supabase/*', '@electric-sql/*'];
const restrict = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/data', 'test-results', 'supabase/.temp', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/app/**/*.ts', 'src/state/**/*.ts', 'src/map/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict([...UI_LIBS, ...MAP_LIBS, ...STORE_LIBS], 'src/core is pure: no React, DOM, map or store libraries.'),
        restrict(['node:*', 'fs', 'path'], 'src/core runs in a Worker too: no Node built-ins.'),
        restrict(['**/data/**', '**/worker/**', '**/state/**', '**/map/**', '**/ui/**', '**/app/**', '**/cli/**'], 'src/core imports only from src/core.'),
      ] }],
    },
  },
  {
    files: ['src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict([...UI_LIBS, ...MAP_LIBS], 'src/data holds no UI or map code.'),
        restrict(['**/worker/**', '**/state/**', '**/map/**', '**/ui/**', '**/app/**', '**/cli/**'], 'src/data imports only core.'),
      ] }],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict([...UI_LIBS, ...MAP_LIBS], 'The worker runs core off the main thread: no UI or map code.'),
        restrict(['**/state/**', '**/map/**', '**/ui/**', '**/app/**', '**/cli/**'], 'src/worker imports only core and data.'),
      ] }],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict([...MAP_LIBS, ...STORE_LIBS, 'react-dom', 'antd', 'antd/*'], 'State holds no map, store or UI-kit code.'),
        restrict(['**/map/**', '**/ui/**', '**/app/**', '**/cli/**'], 'src/state imports only core, data and worker.'),
      ] }],
    },
  },
  {
    files: ['src/map/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict(STORE_LIBS, 'The map never talks to the store.'),
        restrict(['**/ui/**', '**/app/**', '**/cli/**'], 'src/map imports core, state and its own modules.'),
      ] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict([...MAP_LIBS, ...STORE_LIBS], 'src/ui never imports maplibre, deck.gl or supabase-js: it talks to the map through state.'),
        restrict(['**/app/**', '**/cli/**'], 'src/ui does not import the composition root or the CLI.'),
        restrict(['**/data/**', '**/state/services'], 'src/ui reads state and calls state actions (src/state/*-actions.ts); the repository and the other services stay below it.'),
      ] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict([...UI_LIBS, ...MAP_LIBS], 'The CLI is Node only.'),
        restrict(['**/state/**', '**/map/**', '**/ui/**', '**/app/**'], 'The CLI stands on core (and data).'),
      ] }],
    },
  },
);
