// What shell-host.ts is told through the BENCH_HOST environment variable.
import { z } from 'zod'

export const HostConfigSchema = z.object({
  dataDir: z.string(),
  rendererDir: z.string(),
  serverUrl: z.string(),
  token: z.string(),
  /** Where the core fetches what a lost session missed, or null for none. */
  resyncUrl: z.string().nullable(),
  /** Whether the journal syncs to the device (as shipped), or only writes (to see the cost). */
  journalSync: z.boolean().default(true),
})
export type HostConfig = z.infer<typeof HostConfigSchema>
