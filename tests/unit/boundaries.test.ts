// The import boundaries of ARCHITECTURE.md are enforced by ESLint; this proves the rules bite.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length
}

describe('import boundaries', () => {
  it.each([
    ['electron/common/x.ts', "import { app } from 'electron'"],
    ['electron/common/x.ts', "import { readFileSync } from 'node:fs'"],
    ['electron/common/x.ts', "import { readFileSync } from 'fs'"],
    ['electron/common/x.ts', "import { ref } from 'vue'"],
    ['electron/common/x.ts', "import { Board } from '../core/board'"],
    ['electron/core/x.ts', "import { app } from 'electron'"],
    ['electron/core/x.ts', "import { createServer } from '../server/create-server'"],
    ['electron/server/x.ts', "import { ipcMain } from 'electron'"],
    ['electron/server/x.ts', "import { OrderFeed } from '../core/order-feed'"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs'"],
    ['electron/preload/x.ts', "import { Board } from '../core/board'"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'"],
    ['renderer/src/x.ts', "import { Board } from '../../electron/core/board'"],
  ])('%s may not: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, `${code}\nexport {}\n`)).toBe(1)
  })

  it.each([
    ['electron/common/x.ts', "import { z } from 'zod'"],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs'"],
    ['electron/core/x.ts', "import { reduceOrder } from '../common/board'"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron'"],
    ['renderer/src/x.ts', "import { reduceOrder } from '../../electron/common/board'"],
  ])('%s may: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, `${code}\nexport {}\n`)).toBe(0)
  })
})
