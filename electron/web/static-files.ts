// Serves the built renderer: the files under one directory and nothing else. Every answer carries
// the same CSP as the Electron window, so the browser shell is no weaker than the product.
import { createReadStream, existsSync } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/** Headers on every answer of the shell, files and errors alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/** The content type for a file name; unknown kinds are opaque bytes, never sniffed. */
export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'

/** Why the renderer cannot be served from `dir`, or null when it can. */
export function rendererProblem(dir: string): string | null {
  return existsSync(join(dir, 'index.html'))
    ? null
    : `the renderer is not built (${join(dir, 'index.html')} is missing): run npm run build first`
}

/** Sends a short plain-text error with the security headers. */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' })
  res.end(`${text}\n`)
}

/**
 * The file under `root` that a URL path names, or null when it names none: undecodable, a NUL,
 * a backslash, or anything that lands outside `root` once `..` and symbolic links are resolved.
 */
export async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let path: string
  try {
    path = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return null
  if (path.endsWith('/')) path += 'index.html'
  const base = resolve(root)
  const candidate = resolve(base, `.${path}`)
  if (!candidate.startsWith(base + sep)) return null
  try {
    // A link inside the build pointing elsewhere would be a way out; the real path must stay in.
    const [realBase, real] = await Promise.all([realpath(base), realpath(candidate)])
    if (!real.startsWith(realBase + sep)) return null
    return (await stat(real)).isFile() ? real : null
  } catch {
    return null
  }
}

/** Answers a GET or HEAD for a file of the built renderer under `root`. */
export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD')
    return sendText(res, 405, 'method not allowed')
  }
  const { pathname } = new URL(req.url ?? '/', 'http://localhost')
  const file = await resolveFile(root, pathname)
  if (file === null) return sendText(res, 404, 'not found')
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': contentTypeOf(file),
    // The build changes under a running shell when someone rebuilds: always revalidate.
    'cache-control': 'no-cache',
  })
  if (req.method === 'HEAD') return void res.end()
  await new Promise<void>((done) => {
    const stream = createReadStream(file)
    stream.on('error', () => {
      res.destroy()
      done()
    })
    stream.on('end', done)
    stream.pipe(res)
  })
}
