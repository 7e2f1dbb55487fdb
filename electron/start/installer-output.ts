// What Electron's installer (with installer-hook.ts loaded) says on stderr, read back: the size
// of what it downloads, and the one line of its failure that says why.
import { z } from 'zod'

/** The prefix of the hook's size line; the rest is JSON. */
export const SIZE_ANNOUNCEMENT = 'kds-installer-size '
/** The prefix of the hook's line for a request it starts; the rest is the URL. */
export const REQUEST_ANNOUNCEMENT = 'kds-installer-request '

const SizeLine = z.object({ url: z.string(), bytes: z.number().int().positive() })

/** The size announced by one line of output, if it is such a line. */
export function announcedSize(line: string): z.infer<typeof SizeLine> | null {
  if (!line.startsWith(SIZE_ANNOUNCEMENT)) return null
  try {
    const parsed = SizeLine.safeParse(JSON.parse(line.slice(SIZE_ANNOUNCEMENT.length)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Why the installer failed, from its output: the message of the error it printed (the first line
 * of its stack: "HTTPError: Response code 404 ...", "connect ECONNREFUSED ... for URL",
 * "Generated checksum for ... did not match ..."), without a closing full stop so that it sits
 * inside a sentence; else its last line; else its exit.
 */
export function failureReason(output: string, exit: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' &&
        !line.startsWith(SIZE_ANNOUNCEMENT) &&
        !line.startsWith(REQUEST_ANNOUNCEMENT),
    )
  const thrown = lines.find((line) => /^[A-Za-z]*Error: /.test(line))
  const message =
    thrown?.replace(/^[A-Za-z]*Error: /, '') ?? lines.at(-1) ?? `it ended with ${exit}`
  return message.replace(/\.+$/, '')
}
