// The one fake of Electron for unit tests (the runtime is not installed where they run, and the real
// package's index.js would try to download it). Each test file says
//   vi.mock('electron', () => import('./electron-mock'))
// and inspects the same objects through this module's exports; resetElectronMock() between tests.
import Conf, { type Options as ConfOptions } from 'conf'
import type { SafeStorage } from 'electron'
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/** A frame as WebFrameMain describes it. */
export class FakeFrame {
  constructor(
    public url: string,
    public processId = 1,
    public routingId = 1,
  ) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

/** The parts of WebContents the shell uses. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null
  readonly send = vi.fn()
  readonly reload = vi.fn()
  /** Kills the renderer; as in Electron, render-process-gone follows (reason "killed"). */
  readonly forcefullyCrashRenderer = vi.fn(() => {
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 })
  })
  destroyed = false
  readonly mainFrame: FakeFrame

  constructor(frame = new FakeFrame('file:///app/out/renderer/index.html')) {
    super()
    this.mainFrame = frame
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  getURL(): string {
    return this.mainFrame.url
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Emits an event the way Electron does and tells whether a listener prevented it. */
  emitPreventable(name: string, details: Record<string, unknown> = {}): boolean {
    let prevented = false
    this.emit(name, { ...details, preventDefault: () => (prevented = true) })
    return prevented
  }
}

let nextFrameId = 1

/** A BrowserWindow that records its options and never shows anything. */
export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = []
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all.filter((window) => !window.destroyed)
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows()[0] ?? null
  }

  destroyed = false
  readonly webContents: FakeWebContents
  readonly loadURL = vi.fn(async (_url: string) => {})
  readonly loadFile = vi.fn(async (_path: string) => {})
  readonly show = vi.fn()
  readonly focus = vi.fn()
  readonly restore = vi.fn()

  constructor(readonly options: Record<string, unknown>) {
    super()
    const id = nextFrameId++
    this.webContents = new FakeWebContents(
      new FakeFrame('file:///app/out/renderer/index.html', id, id),
    )
    BrowserWindow.all.push(this)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMinimized(): boolean {
    return false
  }
  isVisible(): boolean {
    return this.show.mock.calls.length > 0
  }
}

/** The parts of Session the shell uses, with the handlers it installed (and its events). */
export class FakeSession extends EventEmitter {
  permissionRequestHandler: ((...args: never[]) => void) | null = null
  permissionCheckHandler: ((...args: never[]) => boolean) | null = null
  devicePermissionHandler: ((...args: never[]) => boolean) | null = null
  headersReceived: ((details: never, callback: (response: unknown) => void) => void) | null = null
  readonly webRequest = {
    onHeadersReceived: (listener: FakeSession['headersReceived']) => {
      this.headersReceived = listener
    },
  }
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false
  readonly paths = new Map<string, string>([['userData', '/tmp/kds-user-data']])
  readonly enableSandbox = vi.fn()
  readonly quit = vi.fn()
  readonly exit = vi.fn()
  readonly relaunch = vi.fn()
  readonly setLoginItemSettings = vi.fn()
  readonly requestSingleInstanceLock = vi.fn(() => true)
  readonly whenReady = vi.fn(async () => {})
  readonly commandLine = { getSwitchValue: vi.fn((_name: string) => '') }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/tmp/kds-${name}`
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path)
  }
  getVersion(): string {
    return '0.0.0-test'
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>()
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`a handler for ${channel} exists already`)
    this.handlers.set(channel, handler)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => {
    throw new Error('no answer set up')
  })
}

type StorageBackend = ReturnType<SafeStorage['getSelectedStorageBackend']>

/**
 * A stand-in for the OS key store: reversible, but the ciphertext never contains the plain text.
 * `available` and `backend` say what the machine offers.
 */
class FakeSafeStorage {
  available = true
  backend: StorageBackend = 'gnome_libsecret'
  isEncryptionAvailable(): boolean {
    return this.available
  }
  getSelectedStorageBackend(): StorageBackend {
    return this.backend
  }
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.')
    return Buffer.from(`sealed:${[...plain].reverse().join('')}`)
  }
  decryptString(sealed: Buffer): string {
    const text = sealed.toString()
    if (!this.available || !text.startsWith('sealed:')) throw new Error('Error while decrypting')
    return [...text.slice('sealed:'.length)].reverse().join('')
  }
}

export const app = new FakeApp()
export const ipcMain = new FakeIpcMain()
export const ipcRenderer = new FakeIpcRenderer()
export const safeStorage = new FakeSafeStorage()
export const session = { defaultSession: new FakeSession() }
export const shell = { openExternal: vi.fn(async (_url: string) => {}) }
export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
}
/** The menu as built: `buildFromTemplate` gives back its template, to be read by the test. */
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((_menu: unknown) => {}),
}
export const powerSaveBlocker = { start: vi.fn((_type: string) => 1), stop: vi.fn() }
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed.set(key, api)
  },
}

/** electron-store is Conf plus Electron's paths; over Conf it runs without Electron. */
export class ElectronStoreOnConf<T extends Record<string, unknown>> extends Conf<T> {
  constructor({ name, ...options }: Omit<ConfOptions<T>, 'configName'> & { name?: string }) {
    super({ ...options, configName: name ?? 'config' })
  }
}

/** Puts every fake back as it was at the start. */
export function resetElectronMock(): void {
  for (const emitter of [app, ipcMain, ipcRenderer]) emitter.removeAllListeners()
  app.isPackaged = false
  app.paths.clear()
  app.paths.set('userData', '/tmp/kds-user-data')
  ipcMain.handlers.clear()
  BrowserWindow.all = []
  safeStorage.available = true
  safeStorage.backend = 'gnome_libsecret'
  session.defaultSession = new FakeSession()
  contextBridge.exposed.clear()
  vi.resetAllMocks()
}
