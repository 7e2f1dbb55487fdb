// The machine the figures were taken on: they mean little without it.
import { readFileSync } from 'node:fs'
import { availableParallelism, loadavg, totalmem } from 'node:os'

export interface Machine {
  cpu: string
  cores: number
  memoryGb: number
  node: string
  chromium: string
  /** The 1-minute load average when the run began and ended: other work skews the figures. */
  loadAtStart: number
  loadAtEnd: number | null
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'))
    return line?.split(':')[1]?.trim() ?? 'unknown CPU'
  } catch {
    return 'unknown CPU'
  }
}

/** Describes this machine; `chromium` is what the launched browser reports. */
export function describeMachine(chromium: string): Machine {
  return {
    cpu: cpuModel(),
    cores: availableParallelism(),
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium,
    loadAtStart: currentLoad(),
    loadAtEnd: null,
  }
}

/** The 1-minute load average now. */
export const currentLoad = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100

/** A warning when other work keeps the machine busy, or null. */
export function busyWarning(machine: Machine): string | null {
  const load = Math.max(machine.loadAtStart, machine.loadAtEnd ?? 0)
  if (load <= machine.cores) return null
  return (
    `warning: the load average (${load}) exceeds the ${machine.cores} cores: other work ` +
    'competes with the benchmark, and its figures come out worse than the program is'
  )
}

/** One line: `Intel(R) Xeon(R) Processor, 2 cores, 23.6 GB, Node v20.20.2, Chromium 156…`. */
export const machineLine = (machine: Machine): string =>
  `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ` +
  `${machine.chromium}, load ${machine.loadAtStart} at start` +
  (machine.loadAtEnd === null ? '' : `, ${machine.loadAtEnd} at end`)
