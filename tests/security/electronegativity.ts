// `npm run security`: Doyensec's electronegativity, the scanner the Electron field uses, over the
// shell's main and preload code. Both folders are scanned as one app, so its global checks (CSP,
// navigation limits, permission handler) see what main sets up for the windows preload serves.
// Fails on any HIGH finding, on a MEDIUM without its review comment in the code, and on a file
// the scanner could not parse (a file it cannot read is a file it did not check).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SCANNED = ['electron/main', 'electron/preload']

const Finding = z.object({
  id: z.string(),
  file: z.string(),
  location: z.object({ line: z.number() }),
  description: z.string(),
  severity: z.object({ name: z.enum(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']) }),
})
const Report = z.object({ issues: z.array(Finding), errors: z.array(z.unknown()) })
type Finding = z.infer<typeof Finding>

const require = createRequire(import.meta.url)
const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))

// The scanner fetches translations and Electron's release list at every run; this check runs in
// `npm test` and sends nothing off the machine, so its HTTP client answers "offline" (the scanner
// then keeps its bundled English and skips the release check, as it does without a network).
const scannerRequire = createRequire(join(scannerDir, 'package.json'))
const gotPath = scannerRequire.resolve('got')
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: () => Promise.reject(new Error('offline: electronegativity runs without the network')),
} as unknown as NodeJS.Module

/** The scanner's runner, `run(options, forCli)`: the module's default export. */
type RunScanner = (options: object, forCli: boolean) => Promise<unknown>
const Scanner = z.union([
  z.object({ default: z.custom<RunScanner>((value) => typeof value === 'function') }),
  z
    .custom<RunScanner>((value) => typeof value === 'function')
    .transform((run) => ({ default: run })),
])

/** Whether a comment naming the check as reviewed sits on `line` or the four lines above it. */
function isReviewed(source: string, finding: Finding): boolean {
  const lines = source.split('\n')
  const from = Math.max(0, finding.location.line - 5)
  return lines
    .slice(from, finding.location.line)
    .some((text) => text.includes(`${finding.id} (reviewed)`))
}

async function scan(): Promise<z.infer<typeof Report>> {
  const run = Scanner.parse(require('@doyensec/electronegativity')).default
  const dir = mkdtempSync(join(tmpdir(), 'kds-electronegativity-'))
  // The report goes beside the scanned copy, not into it: the scanner may still be writing there
  // when it answers, and the scanned folder must be removable then.
  const out = mkdtempSync(join(tmpdir(), 'kds-electronegativity-report-'))
  try {
    for (const folder of SCANNED) cpSync(join(ROOT, folder), join(dir, folder), { recursive: true })
    const electron = z
      .object({ version: z.string() })
      .parse(JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')))
    const report = await run(
      {
        input: dir,
        // Without an output file it prints its own banner and progress bar; the table is ours.
        output: join(out, 'report.csv'),
        isRelative: true,
        verbose: false,
        electronVersionOverride: electron.version,
      },
      false,
    )
    return Report.parse(report)
  } finally {
    for (const left of [dir, out]) removeLeftover(left)
  }
}

/** Removes a scratch folder, retrying while something still writes in it; never fails the scan. */
function removeLeftover(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
  } catch (error) {
    console.warn(`security: could not remove ${dir} (${String(error)}); the scan itself is done`)
  }
}

async function main(): Promise<number> {
  const report = await scan()
  const problems: string[] = []
  for (const error of report.errors) problems.push(`could not scan: ${JSON.stringify(error)}`)
  for (const finding of report.issues) {
    const where = `${finding.file}:${finding.location.line}`
    const source = readFileSync(join(ROOT, finding.file), 'utf8')
    const reviewed = finding.severity.name === 'MEDIUM' && isReviewed(source, finding)
    console.log(
      `${finding.severity.name.padEnd(6)} ${finding.id} ${where}: ${finding.description}` +
        (reviewed ? ' (reviewed in the code)' : ''),
    )
    if (finding.severity.name === 'HIGH') problems.push(`HIGH ${finding.id} at ${where}: fix it`)
    if (finding.severity.name === 'MEDIUM' && !reviewed) {
      problems.push(
        `MEDIUM ${finding.id} at ${where}: fix it, or say why it is safe in a comment ` +
          `"${finding.id} (reviewed): ..." just above that line`,
      )
    }
  }
  const counts = ['HIGH', 'MEDIUM', 'LOW'].map(
    (level) => `${report.issues.filter((f) => f.severity.name === level).length} ${level}`,
  )
  console.log(`electronegativity over ${SCANNED.join(' and ')}: ${counts.join(', ')}`)
  for (const problem of problems) console.error(`security: ${problem}`)
  return problems.length === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`security: electronegativity did not run: ${String(error)}`)
    process.exit(1)
  },
)
