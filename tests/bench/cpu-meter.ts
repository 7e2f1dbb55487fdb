// CPU time, not wall time: what the hub's process and Chromium's page processes spent over a run,
// per event. On a machine shared with other work the latencies stretch with the load, while the
// CPU an event costs moves far less, so this is the figure to compare between runs and changes.
import { z } from 'zod'
import type { Browser } from '@playwright/test'
import type { Host } from './host'

const ProcessInfoSchema = z.object({
  processInfo: z.array(z.object({ type: z.string(), cpuTime: z.number() })),
})

/** CPU seconds so far of Chromium's renderers and GPU process (all the pages, their drawing). */
async function chromiumCpuMs(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession()
  try {
    const { processInfo } = ProcessInfoSchema.parse(await cdp.send('SystemInfo.getProcessInfo'))
    const pages = processInfo.filter((entry) => entry.type === 'renderer' || entry.type === 'GPU')
    return pages.reduce((sum, entry) => sum + entry.cpuTime, 0) * 1_000
  } finally {
    await cdp.detach()
  }
}

/** CPU ms per event over a run, of the hub's process and of Chromium's pages. */
export interface CpuPerEvent {
  hubMs: number
  pagesMs: number
}

/** Starts measuring; the returned step ends it, given the events of the run. */
export async function meterCpu(
  browser: Browser,
  host: Host,
): Promise<(events: number) => Promise<CpuPerEvent>> {
  const [hubBefore, pagesBefore] = [await host.cpu(), await chromiumCpuMs(browser)]
  return async (events) => {
    const [hubAfter, pagesAfter] = [await host.cpu(), await chromiumCpuMs(browser)]
    const per = (ms: number) => (events > 0 ? ms / events : Number.NaN)
    return { hubMs: per(hubAfter.cpuMs - hubBefore.cpuMs), pagesMs: per(pagesAfter - pagesBefore) }
  }
}
