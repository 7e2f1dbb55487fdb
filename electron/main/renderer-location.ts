// Where the renderer lives. Every other check (navigation, IPC senders) asks "is this our page?",
// so the answer is decided here, once.
import { fileURLToPath } from 'node:url'

/**
 * The built renderer on disk, electron-vite's dev server, or a hub's page (this app a screen of
 * that hub: the page is remote, so it gets no preload and no IPC, only navigation within its origin).
 */
export type RendererLocation =
  { kind: 'file'; path: string } | { kind: 'dev'; url: string } | { kind: 'hub'; url: string }

/**
 * The renderer to load. ELECTRON_RENDERER_URL (set by `electron-vite dev`) is honoured only in an
 * unpackaged app, so an environment variable can never point a shipped build at a foreign page.
 */
export function rendererLocation(
  packaged: boolean,
  env: NodeJS.ProcessEnv = process.env,
  indexHtml: string = fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
): RendererLocation {
  const devUrl = env['ELECTRON_RENDERER_URL']
  return !packaged && devUrl !== undefined && isHttpUrl(devUrl)
    ? { kind: 'dev', url: devUrl }
    : { kind: 'file', path: indexHtml }
}

/** Whether `url` is an http or https address (the only kind handed to the system browser). */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** Whether `url` is the app's own page (any hash or query: the renderer may route with them). */
export function isAppUrl(location: RendererLocation, url: string): boolean {
  try {
    const parsed = new URL(url)
    if (location.kind !== 'file') return parsed.origin === new URL(location.url).origin
    if (parsed.protocol !== 'file:' || parsed.host !== '') return false
    parsed.hash = ''
    parsed.search = ''
    return fileURLToPath(parsed) === location.path
  } catch {
    // Not a URL, or a file URL this platform cannot map to a path: not ours either way.
    return false
  }
}
