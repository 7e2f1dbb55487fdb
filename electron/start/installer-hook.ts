// Loaded into Electron's own installer (`node --import` before its install.js) by provision.ts,
// which reads what this writes on stderr. It changes nothing of the download; it only tells more:
// - a failed request says why (undici's bare "fetch failed" keeps the cause, such as
//   ECONNREFUSED or ENOTFOUND, in a property the installer does not print) and what it asked for;
// - a request announces its URL, so that a host that never answers is named;
// - an answered request announces its size, so the progress shown can say "of 110 MB".
import { REQUEST_ANNOUNCEMENT, SIZE_ANNOUNCEMENT } from './installer-output'

const realFetch = globalThis.fetch

/** The innermost message of a fetch failure: the socket's or resolver's own words. */
function causeOf(error: unknown): string {
  let current: unknown = error
  for (let depth = 0; depth < 5; depth += 1) {
    if (current instanceof AggregateError && current.errors.length > 0) current = current.errors[0]
    else if (current instanceof Error && current.cause !== undefined) current = current.cause
    else break
  }
  return current instanceof Error ? current.message : String(current)
}

globalThis.fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input)
  process.stderr.write(`${REQUEST_ANNOUNCEMENT}${url}\n`)
  let response: Response
  try {
    response = await realFetch(input, init)
  } catch (error) {
    throw new Error(`${causeOf(error)} for ${url}`, { cause: error })
  }
  const length = Number(response.headers.get('content-length'))
  if (response.ok && Number.isSafeInteger(length) && length > 0) {
    process.stderr.write(`${SIZE_ANNOUNCEMENT}${JSON.stringify({ url, bytes: length })}\n`)
  }
  return response
}
