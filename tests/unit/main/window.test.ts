import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMainWindow, createViewWindow, viewOfUrl } from '../../../electron/main/window'
import { BrowserWindow, resetElectronMock } from './electron-mock'
import { fakeLog } from './fake-log'

vi.mock('electron', () => import('./electron-mock'))

beforeEach(resetElectronMock)

function onlyWindow(): BrowserWindow {
  const [window] = BrowserWindow.all
  if (window === undefined) throw new Error('no window was created')
  return window
}

describe('createMainWindow', () => {
  it('uses exactly the secure webPreferences and the preload bundle', () => {
    createMainWindow({ kind: 'file', path: '/app/out/renderer/index.html' }, fakeLog())
    const { webPreferences } = onlyWindow().options
    expect(webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      preload: expect.stringMatching(/[/\\]preload[/\\]index\.cjs$/),
    })
  })

  it('is titled, dark, hidden until painted, and loads the built renderer', () => {
    createMainWindow({ kind: 'file', path: '/app/out/renderer/index.html' }, fakeLog())
    const window = onlyWindow()
    expect(window.options).toMatchObject({
      title: 'Kitchen Display',
      backgroundColor: '#111318',
      show: false,
    })
    expect(window.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html', { query: {} })
    expect(window.options).not.toHaveProperty('kiosk')
    expect(window.options).not.toHaveProperty('fullscreen')
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalled()
  })

  it('loads the dev server URL in dev', () => {
    createMainWindow({ kind: 'dev', url: 'http://localhost:5173/' }, fakeLog())
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('http://localhost:5173/')
  })

  it('opens full screen in kiosk mode', () => {
    createMainWindow({ kind: 'file', path: '/app/index.html' }, fakeLog(), { kiosk: true })
    expect(onlyWindow().options).toMatchObject({ kiosk: true, fullscreen: true })
  })

  it('hands the view to the page as ?view=', () => {
    createMainWindow({ kind: 'file', path: '/app/index.html' }, fakeLog(), { view: 'dispatch' })
    expect(onlyWindow().loadFile).toHaveBeenCalledWith('/app/index.html', {
      query: { view: 'dispatch' },
    })
    BrowserWindow.all = []
    createMainWindow({ kind: 'dev', url: 'http://localhost:5173/' }, fakeLog(), { view: 'kitchen' })
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('http://localhost:5173/?view=kitchen')
  })
})

describe('createViewWindow', () => {
  it('opens the view the URL asks for, with the same secure preferences, never in kiosk', () => {
    const location = { kind: 'file', path: '/app/index.html' } as const
    createViewWindow(location, fakeLog(), 'file:///app/index.html?view=kitchen#/dispatch')
    const window = onlyWindow()
    expect(window.loadFile).toHaveBeenCalledWith('/app/index.html', {
      query: { view: 'dispatch' },
    })
    expect(window.options).not.toHaveProperty('kiosk')
    expect(window.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: expect.stringMatching(/[/\\]preload[/\\]index\.cjs$/),
    })
  })

  it.each([
    ['file:///app/index.html#/', 'kitchen'],
    ['file:///app/index.html#/dispatch', 'dispatch'],
    ['file:///app/index.html?view=dispatch', 'dispatch'],
    ['file:///app/index.html?view=dispatch#/', 'kitchen'],
    ['file:///app/index.html', 'kitchen'],
  ])('reads %s as the %s view', (url, view) => {
    expect(viewOfUrl(url)).toBe(view)
  })
})
