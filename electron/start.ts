// `npm start`: the Electron shell where its runtime is installed, the browser shell where it is
// not (installs with ELECTRON_SKIP_BINARY_DOWNLOAD, machines that cannot reach the download host).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the Electron runtime is, or why there is none. */
export type ElectronRuntime =
  { installed: true; binary: string } | { installed: false; reason: string }

/** The file system calls the detection makes, replaceable in tests. */
export interface RuntimeProbe {
  /** Resolves a module's file from the project, throwing when it is not installed. */
  resolve(id: string): string
  exists(path: string): boolean
  read(path: string): string
}

const nodeProbe = (root: string): RuntimeProbe => ({
  resolve: (id) => createRequire(join(root, 'package.json')).resolve(id),
  exists: existsSync,
  read: (path) => readFileSync(path, 'utf8'),
})

/**
 * Finds the Electron binary the way the electron package does (path.txt names it inside dist/),
 * without requiring the package: its index.js starts a download when the binary is missing.
 */
export function findElectronRuntime(
  root: string,
  probe: RuntimeProbe = nodeProbe(root),
  env: NodeJS.ProcessEnv = process.env,
): ElectronRuntime {
  let packageDir: string
  try {
    packageDir = dirname(probe.resolve('electron/package.json'))
  } catch {
    return { installed: false, reason: 'the electron package is not installed' }
  }
  const pathFile = join(packageDir, 'path.txt')
  if (!probe.exists(pathFile)) {
    return { installed: false, reason: `${join(packageDir, 'dist')} is missing` }
  }
  const executable = probe.read(pathFile).trim()
  const override = env['ELECTRON_OVERRIDE_DIST_PATH']
  const binary =
    override !== undefined && override !== ''
      ? join(override, executable)
      : join(packageDir, 'dist', executable)
  return probe.exists(binary)
    ? { installed: true, binary }
    : { installed: false, reason: `${binary} is missing` }
}

/** Runs `command`, forwarding Ctrl+C and termination to it and its exit code to ours. */
function run(command: string, args: string[], root: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)))
  child.on('error', (error) => {
    console.error(`could not start ${command}: ${error.message}`)
    process.exit(1)
  })
  return child
}

/** Starts the display in the best shell this machine has; `argv` goes to that shell. */
export function start(root: string, argv: string[]): ChildProcess {
  const runtime = findElectronRuntime(root)
  if (runtime.installed) {
    // Inherited ELECTRON_RUN_AS_NODE would make the binary a plain Node and the app never open.
    const env = { ...process.env }
    delete env['ELECTRON_RUN_AS_NODE']
    return run(runtime.binary, ['.', ...argv], root, env)
  }
  console.log(
    `The Electron runtime is not installed (${runtime.reason}), so the browser shell starts ` +
      'instead; for the desktop app run `npm install electron` with network access to its ' +
      'download host and without ELECTRON_SKIP_BINARY_DOWNLOAD.',
  )
  // tsx as a loader of this same Node, so no .bin shim (or .cmd on Windows) has to be found.
  return run(
    process.execPath,
    ['--import', 'tsx', join('electron', 'web', 'cli.ts'), ...argv],
    root,
    process.env,
  )
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (invokedDirectly)
  start(resolve(dirname(fileURLToPath(import.meta.url)), '..'), process.argv.slice(2))
