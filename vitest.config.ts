import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Node by default; component tests opt into a DOM with `// @vitest-environment jsdom`.
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
