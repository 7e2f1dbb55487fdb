// «Этот экран: экран хаба» as chosen on the settings screen: a small JSON file in userData, read
// at start and parsed with zod, so the choice survives restarts. A file that cannot be used is
// reported and ignored (the app is then its own hub); a managed `hubUrl` wins over it.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { HubUrlSchema } from '../common/hub'
import type { ManagedLayer } from '../common/managed-config'
import { formatIssues } from '../common/protocol/parse'
import { LanguageSchema, type Language } from '../common/settings'

/** The file in userData that holds the choice; absent: the app is its own hub. */
export const HUB_CHOICE_FILE = 'hub-screen.json'

export const HubChoiceSchema = z.object({
  hubUrl: HubUrlSchema,
  /** The settings' language when the choice was made: the way back speaks it (no core to ask). */
  language: LanguageSchema,
})
export type HubChoice = z.infer<typeof HubChoiceSchema>

/** The stored choice, or null; and why the file could not be used, when it could not. */
export interface StoredHubChoice {
  choice: HubChoice | null
  warning: string | null
}

/** Reads the choice in `dir`; never throws. */
export function readHubChoice(dir: string): StoredHubChoice {
  const file = join(dir, HUB_CHOICE_FILE)
  if (!existsSync(file)) return { choice: null, warning: null }
  let reason: string
  try {
    const parsed = HubChoiceSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (parsed.success) return { choice: parsed.data, warning: null }
    reason = formatIssues(parsed.error)
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error)
  }
  return {
    choice: null,
    warning: `${file} cannot be used (${reason}); ignored: this app is its own hub`,
  }
}

/** Stores the choice in `dir`, replacing the file whole (never half written). */
export function saveHubChoice(dir: string, choice: HubChoice): void {
  const file = join(dir, HUB_CHOICE_FILE)
  mkdirSync(dir, { recursive: true })
  writeFileSync(`${file}.tmp`, `${JSON.stringify(HubChoiceSchema.parse(choice), null, 2)}\n`, {
    mode: 0o600,
  })
  renameSync(`${file}.tmp`, file)
}

/** Forgets the choice: the next start is a standalone display again. */
export function forgetHubChoice(dir: string): void {
  rmSync(join(dir, HUB_CHOICE_FILE), { force: true })
}

/** The hub this app is a screen of, and who said so (`managedBy`: null when the settings did). */
export interface ChosenHub {
  url: string
  managedBy: string | null
  language: Language
}

/** The administrator's `hubUrl` wins over the stored choice; null: this app is its own hub. */
export function chosenHub(
  managed: Pick<ManagedLayer, 'origins'> & { config: { hubUrl?: string; language?: Language } },
  stored: HubChoice | null,
): ChosenHub | null {
  const { hubUrl, language } = managed.config
  if (hubUrl !== undefined) {
    return {
      url: hubUrl,
      managedBy: managed.origins.hubUrl ?? 'hubUrl',
      language: language ?? stored?.language ?? 'ru',
    }
  }
  if (stored === null) return null
  return { url: stored.hubUrl, managedBy: null, language: language ?? stored.language }
}
