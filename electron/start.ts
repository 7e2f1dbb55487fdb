// `npm start`: the Electron shell, provisioning its runtime first when this clone has none yet
// (Electron's installer downloads it once); the browser shell where that cannot be done. The
// arguments after `npm start --` go to whichever shell starts.
import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fallbackSentence, progressText } from './start/messages'
import { provisionElectron, type InstallProgress, type Provisioned } from './start/provision'
import { electronVersion } from './start/runtime'

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

/**
 * Progress on one line rewritten in place on a terminal; elsewhere (CI logs, pipes) a line at
 * most every five seconds.
 */
function progressPrinter(version: string, stream: NodeJS.WriteStream = process.stdout) {
  let lastLine = 0
  let shown = false
  return {
    show(progress: InstallProgress) {
      const text = progressText(version, progress)
      if (stream.isTTY) {
        stream.write(`\r${text}\u001b[K`)
        shown = true
      } else if (Date.now() - lastLine >= 5_000) {
        stream.write(`${text}\n`)
        lastLine = Date.now()
      }
    },
    end() {
      if (shown) stream.write('\n')
    },
  }
}

/** Starts the display in the best shell this machine has; `argv` goes to that shell. */
export async function start(
  root: string,
  argv: string[],
  provision: typeof provisionElectron = provisionElectron,
): Promise<ChildProcess> {
  const version = electronVersion(root)
  const printer = progressPrinter(version)
  let runtime: Provisioned
  try {
    runtime = await provision(root, { onProgress: (progress) => printer.show(progress) })
  } finally {
    printer.end()
  }
  if (runtime.ok) {
    if (runtime.downloaded) console.log(`Electron ${version} is installed; opening the app.`)
    // Inherited ELECTRON_RUN_AS_NODE would make the binary a plain Node and the app never open.
    const env = { ...process.env }
    delete env['ELECTRON_RUN_AS_NODE']
    return run(runtime.binary, ['.', ...argv], root, env)
  }
  console.log(fallbackSentence(version, runtime.reason))
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
if (invokedDirectly) {
  start(resolve(dirname(fileURLToPath(import.meta.url)), '..'), process.argv.slice(2)).catch(
    (error: unknown) => {
      console.error(`npm start failed: ${String(error)}`)
      process.exit(1)
    },
  )
}
