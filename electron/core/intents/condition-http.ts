// One condition request to the backend, and what its answer means for the intent: 2xx done;
// 401/403 and 404 and other 4xx refused with the backend's own message; 408, 429, 5xx, a timeout
// and an unreachable backend tried again later.
import type { AttemptOutcome } from './intent-queue'

const MAX_MESSAGE = 300

/** The backend's message in an error answer: `{ message }` or `{ error }` JSON, else the text. */
async function messageOf(response: Response): Promise<string> {
  let text: string
  try {
    text = (await response.text()).trim()
  } catch {
    return ''
  }
  try {
    const json: unknown = JSON.parse(text)
    if (typeof json === 'object' && json !== null) {
      const { message, error } = json as Record<string, unknown>
      if (typeof message === 'string') return message.slice(0, MAX_MESSAGE)
      if (typeof error === 'string') return error.slice(0, MAX_MESSAGE)
    }
  } catch {
    // not JSON: the text itself, printable and short
  }
  // eslint-disable-next-line no-control-regex -- control characters must not reach a screen
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, MAX_MESSAGE)
}

const causeOf = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message
}

/** Sends the filled-in request with the token and maps the answer to an attempt's outcome. */
export async function httpOutcome(
  doFetch: typeof fetch,
  request: { method: string; url: string; body: string | null },
  token: string,
  signal: AbortSignal,
): Promise<AttemptOutcome> {
  let response: Response
  try {
    response = await doFetch(request.url, {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(request.body === null ? {} : { 'content-type': 'application/json' }),
      },
      body: request.body,
      signal,
      redirect: 'error',
    })
  } catch (error) {
    if (signal.aborted) return { state: 'retry', reason: 'no answer in time', code: 'timeout' }
    return {
      state: 'retry',
      reason: `the backend is unreachable: ${causeOf(error)}`,
      code: 'unreachable',
    }
  }
  const { status } = response
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined)
    return { state: 'done', reason: `HTTP ${status}`, code: 'sent' }
  }
  const message = await messageOf(response)
  const said = message === '' ? `HTTP ${status}` : `HTTP ${status}: ${message}`
  if (status === 401 || status === 403) {
    return {
      state: 'failed',
      reason: `no right to change the condition (${said})`,
      code: 'forbidden',
    }
  }
  if (status === 404) {
    return {
      state: 'failed',
      reason: `the backend does not know the order (${said})`,
      code: 'unknown-order',
    }
  }
  if (status === 408 || status === 429 || status >= 500) {
    return { state: 'retry', reason: `the backend failed (${said})`, code: 'server-error' }
  }
  return { state: 'failed', reason: `the backend refused (${said})`, code: 'refused' }
}
