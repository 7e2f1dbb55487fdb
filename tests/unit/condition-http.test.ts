import { describe, expect, it } from 'vitest'
import { httpOutcome } from '../../electron/core/intents/condition-http'

const request = { method: 'PATCH', url: 'http://backend.test/api/orders/a1', body: '{"x":1}' }

/** A fetch that answers `status` with `body`, recording what it was asked. */
function answering(status: number, body = '', type = 'application/json') {
  const calls: { url: string; init: RequestInit | undefined }[] = []
  const fake: typeof fetch = async (url, init) => {
    calls.push({ url: String(url), init })
    return new Response(status === 204 ? null : body, { status, headers: { 'content-type': type } })
  }
  return { fake, calls }
}

const outcome = (status: number, body = '', type?: string) =>
  httpOutcome(answering(status, body, type).fake, request, 'tok', new AbortController().signal)

describe('the answer to a condition request', () => {
  it('sends the method, the body as JSON and the token as a bearer', async () => {
    const { fake, calls } = answering(200, '{}')
    expect(await httpOutcome(fake, request, 'tok', new AbortController().signal)).toMatchObject({
      state: 'done',
      code: 'sent',
    })
    const init = calls[0]?.init
    expect(calls[0]?.url).toBe(request.url)
    expect(init?.method).toBe('PATCH')
    expect(init?.body).toBe('{"x":1}')
    expect(init?.headers).toMatchObject({
      authorization: 'Bearer tok',
      'content-type': 'application/json',
    })
  })

  it('is done on any 2xx', async () => {
    expect((await outcome(204)).state).toBe('done')
  })

  it('refuses 401 and 403 as no right, with the backend message', async () => {
    const answer = JSON.stringify({ error: 'Forbidden', message: 'WATCHER may not' })
    expect(await outcome(403, answer)).toEqual({
      state: 'failed',
      code: 'forbidden',
      reason: 'no right to change the condition (HTTP 403: WATCHER may not)',
    })
    expect((await outcome(401, '')).code).toBe('forbidden')
  })

  it('refuses 404 as an unknown order, and another 4xx with what the backend said', async () => {
    expect(await outcome(404, '{"message":"no order"}')).toMatchObject({
      state: 'failed',
      code: 'unknown-order',
    })
    expect(await outcome(422, 'bad\u0007 condition', 'text/plain')).toEqual({
      state: 'failed',
      code: 'refused',
      reason: 'the backend refused (HTTP 422: bad  condition)',
    })
  })

  it('tries a 5xx, a 408 and a 429 again', async () => {
    for (const status of [500, 503, 408, 429]) {
      expect(await outcome(status)).toMatchObject({ state: 'retry', code: 'server-error' })
    }
  })

  it('tries an unreachable backend again, saying why', async () => {
    const refused: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') })
    }
    expect(await httpOutcome(refused, request, 't', new AbortController().signal)).toEqual({
      state: 'retry',
      code: 'unreachable',
      reason: 'the backend is unreachable: fetch failed (connect ECONNREFUSED)',
    })
  })

  it('calls an aborted request a timeout', async () => {
    const controller = new AbortController()
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      )
    const pending = httpOutcome(hanging, request, 't', controller.signal)
    controller.abort()
    expect(await pending).toMatchObject({ state: 'retry', code: 'timeout' })
  })
})
