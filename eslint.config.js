// Flat config. The import boundaries of ARCHITECTURE.md live here, so they are checked, not remembered.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const nodeBuiltins = ['node:*', ...builtinModules]
const layer = (name) => [`**/${name}`, `**/${name}/**`]

/** Builds a no-restricted-imports rule from named groups of forbidden modules. */
function forbid(groups) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: groups.map(([message, group]) => ({ group, message })),
      },
    ],
  }
}

const noElectron = ['it must not import electron (ARCHITECTURE.md: boundaries)', ['electron']]
const noNode = ['it runs where Node is absent: no node built-ins', nodeBuiltins]
const noVue = ['common is pure TypeScript: no vue or pinia', ['vue', 'pinia', 'vue-*']]
const noSocketIo = ['common is pure TypeScript: no socket.io', ['socket.io', 'socket.io-*']]

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
      [
        'common imports nothing from the runtime layers',
        [...['core', 'main', 'preload', 'web', 'server'].flatMap(layer), '**/renderer/**'],
      ],
    ]),
  },
  {
    files: ['electron/core/**'],
    rules: forbid([
      noElectron,
      [
        'core must not depend on the reference server or the shells',
        [
          ...layer('server'),
          ...layer('main'),
          ...layer('web'),
          ...layer('preload'),
          '**/renderer/**',
        ],
      ],
    ]),
  },
  {
    files: ['electron/server/**'],
    rules: forbid([
      noElectron,
      [
        'the reference server stands alone: common only',
        [
          ...layer('core'),
          ...layer('main'),
          ...layer('web'),
          ...layer('preload'),
          '**/renderer/**',
        ],
      ],
    ]),
  },
  {
    files: ['electron/preload/**'],
    rules: forbid([
      noNode,
      [
        'preload imports only electron and common',
        [...layer('core'), ...layer('main'), ...layer('web'), ...layer('server'), '**/renderer/**'],
      ],
    ]),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid([
      noElectron,
      noNode,
      [
        'the renderer reaches the core only through window.kds (api.ts)',
        [
          '**/electron/core/**',
          '**/electron/main/**',
          '**/electron/server/**',
          '**/electron/web/**',
          '**/electron/preload/**',
        ],
      ],
    ]),
  },
  prettier,
)
