// The renderer the benchmark measures, built from the working tree into a directory of its own:
// out/ belongs to `npm run build` and to whoever runs the e2e tests at the same time. The vite
// settings are electron.vite.config.ts's renderer section, so there is one build recipe.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, type InlineConfig } from 'vite'
import electronViteConfig from '../../electron.vite.config'

/** A built renderer, and how to throw it away. */
export interface BuiltRenderer {
  dir: string
  ms: number
  remove(): void
}

/** Builds renderer/ for production into a temporary directory; unminified if asked, to profile. */
export async function buildRenderer(options: { minify?: boolean } = {}): Promise<BuiltRenderer> {
  const renderer = (electronViteConfig as { renderer?: InlineConfig }).renderer
  if (renderer === undefined) throw new Error('electron.vite.config.ts has no renderer section')
  const dir = mkdtempSync(join(tmpdir(), 'kds-bench-renderer-'))
  const started = performance.now()
  try {
    await build({
      ...renderer,
      configFile: false,
      // The build's own timing notes are not what this run is about; errors still show.
      logLevel: 'error',
      // electron-vite's default for the renderer: relative asset paths.
      base: './',
      build: {
        ...renderer.build,
        outDir: dir,
        emptyOutDir: true,
        ...(options.minify === false ? { minify: false } : {}),
      },
    })
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    dir,
    ms: performance.now() - started,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
