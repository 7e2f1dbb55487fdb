// A CLI of this repository as a child process, the way a person runs it: started with tsx, ready
// once it prints its address, stopped with SIGTERM like Ctrl+C. Its output is kept for the report.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The repository root, where the CLIs run. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

// tsx compiles on the fly; a cold start on a slow CI machine takes a few seconds.
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 8_000

/** A running CLI. */
export interface CliProcess {
  /** What the ready pattern captured (the address). */
  address: string
  /** stdout and stderr so far, interleaved. */
  output(): string
  /** SIGTERM, then SIGKILL if it is still there after a grace period; resolves with the exit code. */
  stop(): Promise<number | null>
}

/**
 * Runs `node --import tsx <script> ...args` from the repository root and resolves once a line of
 * stdout matches `ready` (its first group is the address); rejects with the output if it exits
 * first or takes too long. Node runs the script itself (no npx or tsx wrapper), so the signal
 * reaches the program and not a relay.
 */
export function startCli(
  script: string,
  args: readonly string[],
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<CliProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let stdout = ''
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  child.stderr?.on('data', (chunk: Buffer) => (output += String(chunk)))

  const handle = (address: string): CliProcess => ({
    address,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      const code = await exited
      clearTimeout(timer)
      return code
    },
  })

  return new Promise((resolve, reject) => {
    let started = false
    const fail = (why: string) => {
      if (started) return
      child.kill('SIGKILL')
      reject(new Error(`${script} ${args.join(' ')}: ${why}\n--- output ---\n${output}`))
    }
    const timer = setTimeout(() => fail('did not print its address in time'), START_TIMEOUT_MS)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += String(chunk)
      if (started) return
      stdout += String(chunk)
      const match = ready.exec(stdout)
      if (match?.[1] === undefined) return
      started = true
      clearTimeout(timer)
      resolve(handle(match[1]))
    })
    void exited.then((code) => {
      clearTimeout(timer)
      fail(`exited with code ${String(code)} before it was ready`)
    })
  })
}
