// Small pieces of plain node:http the admin API is built from: JSON answers, errors that carry a
// status, and a body reader that stops at a size limit instead of buffering whatever arrives.
import type { IncomingMessage, ServerResponse } from 'node:http'

/** An error that becomes an HTTP answer `{ error, message }` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** Writes `body` as JSON with `status`. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}

/** Writes an HttpError as `{ error, message }`. */
export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.code, message: error.message }, error.headers)
}

const tooLarge = (limit: number) =>
  // The rest of the body is not read, so the connection cannot be reused.
  new HttpError(413, 'PayloadTooLarge', `the body is larger than ${limit} bytes`, {
    connection: 'close',
  })

/** Reads the whole body as UTF-8 text, refusing more than `limit` bytes with a 413. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) return Promise.reject(tooLarge(limit))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      req.off('data', onData)
      req.resume()
      reject(tooLarge(limit))
    }
    req.on('data', onData)
    req.on('error', reject)
    req.on('end', () => {
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)))
      } catch {
        reject(new HttpError(400, 'BadRequest', 'the body is not valid UTF-8'))
      }
    })
  })
}

/** Parses a JSON body; an empty body counts as `{}`. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new HttpError(400, 'BadRequest', `the body is not valid JSON: ${detail}`)
  }
}
