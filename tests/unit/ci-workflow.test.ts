// CI cannot run here, so its files are checked instead: the workflows parse, CI runs on every
// push and pull request, and its steps are the very commands .ci/run and the README give.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

const Step = z.object({ uses: z.string().optional(), run: z.string().optional() })
const Job = z.object({
  'runs-on': z.string(),
  container: z.object({ image: z.string(), options: z.string().optional() }).optional(),
  strategy: z
    .object({ matrix: z.object({ include: z.array(z.object({ os: z.string() })) }) })
    .optional(),
  steps: z.array(Step),
})
const Workflow = z.object({
  name: z.string(),
  on: z.record(z.string(), z.unknown()),
  jobs: z.record(z.string(), Job),
})

const workflow = (path: string) => Workflow.parse(load(read(path)))
const runs = (job: z.infer<typeof Job>) => job.steps.flatMap((step) => step.run ?? [])

describe('.github/workflows/ci.yml', () => {
  const ci = workflow('.github/workflows/ci.yml')

  it('runs on every push and pull request', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push'])
  })

  it('runs .ci/run on Debian, as this project CI does', () => {
    const linux = ci.jobs['linux']
    expect(linux?.container?.image).toBe('node:20-bookworm')
    expect(runs(linux ?? { 'runs-on': '', steps: [] })).toEqual(['bash .ci/run'])
  })

  it('builds, unit-tests and runs the Electron tests on Windows and macOS', () => {
    const desktop = ci.jobs['desktop']
    expect(desktop?.strategy?.matrix.include.map((entry) => entry.os).sort()).toEqual([
      'macos-latest',
      'windows-latest',
    ])
    const scripts = z
      .object({ scripts: z.record(z.string(), z.string()) })
      .parse(JSON.parse(read('package.json'))).scripts
    expect(scripts['build']).toBeDefined()
    expect(scripts['test:unit']).toBeDefined()
    expect(runs(desktop ?? { 'runs-on': '', steps: [] })).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run build',
      'npm run test:unit',
      'npx playwright test --project electron',
    ])
  })

  it('keeps the release workflow, which parses too', () => {
    expect(Object.keys(workflow('.github/workflows/release.yml').jobs)).toEqual(['installers'])
  })
})

describe('what a new user types', () => {
  it('is npm ci, npm start, npm test in the README, and the same in .ci/run', () => {
    const readme = read('README.md')
    const quickStart = readme.slice(readme.indexOf('## Quick start'))
    const block = /```sh\n([^`]*)```/.exec(quickStart)?.[1]
    expect(block).toBe('npm ci\nnpm start\nnpm test\n')
    const script = read('.ci/run')
    expect(script).toMatch(/^npm ci --no-audit --no-fund$/m)
    expect(script).toMatch(/^ {2}xvfb-run --auto-servernum npm test$/m)
    expect(script).toMatch(/^ {2}npm test$/m)
  })

  it('sets no ELECTRON_SKIP_BINARY_DOWNLOAD, which does nothing since Electron 42', () => {
    for (const file of [
      'README.md',
      '.ci/run',
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml',
    ]) {
      expect(read(file), file).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD')
    }
  })
})
