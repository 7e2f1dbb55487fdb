// Flat config. The import boundaries of ARCHITECTURE.md live here, so they are checked, not remembered.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const layer = (name) => [`**/${name}`, `**/${name}/**`]

/**
 * Builds a no-restricted-imports rule from rules of the form { message, names?, patterns? }:
 * `names` are exact module names (so `electron` does not catch `../electron/common`), `patterns`
 * are gitignore-style path patterns.
 */
function forbid(rules) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: rules.flatMap(({ message, names = [] }) => names.map((name) => ({ name, message }))),
        patterns: rules
          .filter(({ patterns }) => patterns !== undefined)
          .map(({ message, patterns }) => ({ group: patterns, message })),
      },
    ],
  }
}

const noElectron = { message: 'it must not import electron (ARCHITECTURE.md)', names: ['electron'] }
const noNode = {
  message: 'it runs where Node is absent: no node built-ins',
  names: builtinModules,
  patterns: ['node:*'],
}
const noVue = { message: 'common is pure TypeScript: no vue or pinia', names: ['vue', 'pinia'] }
const noSocketIo = {
  message: 'common is pure TypeScript: no socket.io',
  names: ['socket.io', 'socket.io-client'],
}
const notFrom = (message, layers) => ({
  message,
  patterns: layers.flatMap((name) => (name === 'renderer' ? ['**/renderer/**'] : layer(name))),
})

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/common/**'],
    rules: forbid([
      noElectron,
      noNode,
      noVue,
      noSocketIo,
      notFrom('common imports nothing from the runtime layers', [
        'core',
        'main',
        'preload',
        'web',
        'server',
        'renderer',
      ]),
    ]),
  },
  {
    files: ['electron/core/**'],
    rules: forbid([
      noElectron,
      notFrom('core must not depend on the reference server or the shells', [
        'server',
        'main',
        'web',
        'preload',
        'renderer',
      ]),
    ]),
  },
  {
    files: ['electron/server/**'],
    rules: forbid([
      noElectron,
      notFrom('the reference server stands alone: common only', [
        'core',
        'main',
        'web',
        'preload',
        'renderer',
      ]),
    ]),
  },
  {
    files: ['electron/preload/**'],
    rules: forbid([
      noNode,
      notFrom('preload imports only electron and common', [
        'core',
        'main',
        'web',
        'server',
        'renderer',
      ]),
    ]),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid([
      noElectron,
      noNode,
      notFrom('the renderer reaches the core only through window.kds (api.ts)', [
        'core',
        'main',
        'server',
        'web',
        'preload',
      ]),
    ]),
  },
  prettier,
)
