import type { App, BrowserWindow, Session, WebContents, WebFrameMain } from 'electron'
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { RendererLocation } from '../../../electron/main/renderer-location'
import {
  CONTENT_SECURITY_POLICY,
  freePath,
  hardenSession,
  hardenWebContents,
  installAppSecurity,
  isTrustedSender,
  safeFileName,
} from '../../../electron/main/security'
import {
  BrowserWindow as FakeBrowserWindow,
  FakeFrame,
  FakeSession,
  FakeWebContents,
  app,
  resetElectronMock,
  shell,
} from './electron-mock'
import { fakeLog } from './fake-log'

vi.mock('electron', () => import('./electron-mock'))

const APP_URL = 'file:///app/out/renderer/index.html'
const location: RendererLocation = { kind: 'file', path: '/app/out/renderer/index.html' }

function hardened() {
  const contents = new FakeWebContents()
  const log = fakeLog()
  hardenWebContents(contents as unknown as WebContents, location, log)
  return { contents, log }
}

beforeEach(resetElectronMock)

describe('navigation', () => {
  it('blocks will-navigate and will-redirect to a foreign URL, and logs it', () => {
    const { contents, log } = hardened()
    expect(contents.emitPreventable('will-navigate', { url: 'https://evil.example/' })).toBe(true)
    expect(contents.emitPreventable('will-redirect', { url: 'https://evil.example/' })).toBe(true)
    expect(contents.emitPreventable('will-navigate', { url: 'file:///etc/passwd' })).toBe(true)
    expect(log.warn).toHaveBeenCalledWith('blocked a navigation away from the app', {
      url: 'https://evil.example/',
    })
  })

  it('lets the app navigate within its own page', () => {
    const { contents } = hardened()
    expect(contents.emitPreventable('will-navigate', { url: `${APP_URL}#/settings` })).toBe(false)
  })

  it('blocks webviews', () => {
    const { contents } = hardened()
    expect(contents.emitPreventable('will-attach-webview')).toBe(true)
  })

  it('is applied to every WebContents created, and sandboxes every renderer', () => {
    installAppSecurity(app as unknown as App, location, fakeLog())
    expect(app.enableSandbox).toHaveBeenCalled()
    const contents = new FakeWebContents()
    app.emit('web-contents-created', {}, contents)
    expect(contents.windowOpenHandler).not.toBeNull()
    expect(contents.emitPreventable('will-navigate', { url: 'https://evil.example/' })).toBe(true)
  })
})

describe('window.open', () => {
  it('is denied, and http(s) links go to the system browser', () => {
    const { contents } = hardened()
    const open = contents.windowOpenHandler
    expect(open?.({ url: 'https://example.com/help' })).toEqual({ action: 'deny' })
    expect(open?.({ url: 'http://example.com/' })).toEqual({ action: 'deny' })
    expect(shell.openExternal.mock.calls).toEqual([
      ['https://example.com/help'],
      ['http://example.com/'],
    ])
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'mailto:a@b.c',
    'nonsense',
  ])('is denied for %s, which is not opened at all', (url) => {
    const { contents } = hardened()
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    expect(shell.openExternal).not.toHaveBeenCalled()
  })
})

describe('session', () => {
  function hardenedSession() {
    const session = new FakeSession()
    hardenSession(session as unknown as Session, location, fakeLog())
    return session
  }

  it('denies every permission request and check but full screen for its own page', () => {
    const session = hardenedSession()
    const request = session.permissionRequestHandler as unknown as (...args: unknown[]) => void
    const check = session.permissionCheckHandler as unknown as (...args: unknown[]) => boolean
    for (const permission of ['media', 'notifications', 'geolocation', 'openExternal']) {
      const callback = vi.fn()
      request({}, permission, callback, { requestingUrl: APP_URL })
      expect(callback).toHaveBeenCalledWith(false)
      expect(check({}, permission, APP_URL, {})).toBe(false)
    }
    const own = vi.fn()
    request({}, 'fullscreen', own, { requestingUrl: APP_URL })
    expect(own).toHaveBeenCalledWith(true)
    expect(check({}, 'fullscreen', APP_URL, {})).toBe(true)
    const foreign = vi.fn()
    request({}, 'fullscreen', foreign, { requestingUrl: 'https://evil.example/' })
    expect(foreign).toHaveBeenCalledWith(false)
    expect(check({}, 'fullscreen', 'https://evil.example/', {})).toBe(false)
    const device = session.devicePermissionHandler as unknown as (...args: unknown[]) => boolean
    expect(device({ deviceType: 'usb' })).toBe(false)
  })

  it('adds the CSP header to every response, keeping the others', () => {
    const session = hardenedSession()
    const callback = vi.fn()
    const received = session.headersReceived as unknown as (
      details: unknown,
      callback: (response: unknown) => void,
    ) => void
    received({ responseHeaders: { 'X-Other': ['1'] } }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })

  it('allows no remote script and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/)
  })
})

describe('isTrustedSender', () => {
  const window = new FakeBrowserWindow({})
  const windows = [window as unknown as BrowserWindow]
  const frameOf = (frame: FakeFrame) => frame as unknown as WebFrameMain
  const main = window.webContents.mainFrame

  it('trusts the main frame of our window on our page', () => {
    expect(isTrustedSender(frameOf(main), windows, location)).toBe(true)
  })

  it('distrusts a missing frame, a subframe, a frame elsewhere, or a closed window', () => {
    expect(isTrustedSender(null, windows, location)).toBe(false)
    expect(
      isTrustedSender(frameOf(new FakeFrame(APP_URL, main.processId, 999)), windows, location),
    ).toBe(false)
    const navigated = new FakeFrame('https://evil.example/', main.processId, main.routingId)
    expect(isTrustedSender(frameOf(navigated), windows, location)).toBe(false)
    window.destroyed = true
    expect(isTrustedSender(frameOf(main), windows, location)).toBe(false)
  })
})

describe('another window of the app', () => {
  function withOpener() {
    const contents = new FakeWebContents()
    const opened: string[] = []
    hardenWebContents(contents as unknown as WebContents, location, fakeLog(), (url) =>
      opened.push(url),
    )
    return { contents, opened }
  }

  it('is made by the shell for our own page in another view, and the page gets no handle', () => {
    const { contents, opened } = withOpener()
    const open = contents.windowOpenHandler
    expect(open?.({ url: `${APP_URL}#/dispatch` })).toEqual({ action: 'deny' })
    expect(open?.({ url: `${APP_URL}?view=kitchen#/` })).toEqual({ action: 'deny' })
    expect(opened).toEqual([`${APP_URL}#/dispatch`, `${APP_URL}?view=kitchen#/`])
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it.each([
    'file:///app/out/renderer/other.html#/dispatch',
    'file:///etc/passwd',
    'https://evil.example/#/dispatch',
    'javascript:alert(1)',
  ])('is not made for %s', (url) => {
    const { contents, opened } = withOpener()
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    expect(opened).toEqual([])
  })

  it('still goes to the system browser for http(s)', () => {
    const { contents, opened } = withOpener()
    contents.windowOpenHandler?.({ url: 'https://example.com/' })
    expect(opened).toEqual([])
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/')
  })

  it('is only made where the shell gave an opener (denied otherwise)', () => {
    const { contents } = hardened()
    expect(contents.windowOpenHandler?.({ url: `${APP_URL}#/dispatch` })).toEqual({
      action: 'deny',
    })
  })

  it('is passed to every WebContents by installAppSecurity', () => {
    const opened: string[] = []
    installAppSecurity(app as unknown as App, location, fakeLog(), (url) => opened.push(url))
    const contents = new FakeWebContents()
    app.emit('web-contents-created', {}, contents)
    contents.windowOpenHandler?.({ url: `${APP_URL}#/dispatch` })
    expect(opened).toEqual([`${APP_URL}#/dispatch`])
  })
})

describe('downloads', () => {
  /** A DownloadItem as will-download hands it over. */
  class FakeItem extends EventEmitter {
    savePath: string | null = null
    constructor(
      readonly url: string,
      readonly filename: string,
    ) {
      super()
    }
    getURL(): string {
      return this.url
    }
    getFilename(): string {
      return this.filename
    }
    setSavePath(path: string): void {
      this.savePath = path
    }
  }

  function download(url: string, filename: string, dir = '/home/cook/Downloads') {
    const session = new FakeSession()
    const log = fakeLog()
    hardenSession(session as unknown as Session, location, log, () => dir)
    const item = new FakeItem(url, filename)
    let prevented = false
    session.emit('will-download', { preventDefault: () => (prevented = true) }, item, {})
    return { item, prevented, log }
  }

  it("saves the page's own files to the Downloads folder without a dialog", () => {
    const { item, prevented, log } = download('blob:file:///a-b-c', 'orders-2026-11-26.csv')
    expect(prevented).toBe(false)
    expect(item.savePath).toBe(join('/home/cook/Downloads', 'orders-2026-11-26.csv'))
    item.emit('done', {}, 'completed')
    expect(log.info).toHaveBeenCalledWith('saved a download', { path: item.savePath })
  })

  it('cancels downloads from anywhere else', () => {
    const { item, prevented, log } = download('https://evil.example/x.exe', 'x.exe')
    expect(prevented).toBe(true)
    expect(item.savePath).toBeNull()
    expect(log.warn).toHaveBeenCalledWith('blocked a download', {
      url: 'https://evil.example/x.exe',
    })
  })

  it('keeps the name inside the folder and never overwrites', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
    expect(safeFileName('..\\..\\win.ini')).toBe('win.ini')
    expect(safeFileName('a:b*c?.csv')).toBe('a_b_c_.csv')
    expect(safeFileName('...')).toBe('download')
    const taken = new Set(['/d/orders.csv', '/d/orders (2).csv'])
    expect(freePath('/d', 'orders.csv', (path) => taken.has(String(path)))).toBe(
      join('/d', 'orders (3).csv'),
    )
    expect(freePath('/d', 'new.csv', () => false)).toBe(join('/d', 'new.csv'))
  })
})
