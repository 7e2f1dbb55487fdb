import type { BrowserWindow } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { KDS_CHANNELS } from '../../../electron/common/kds-api'
import { registerIpc } from '../../../electron/main/ipc'
import type { RendererLocation } from '../../../electron/main/renderer-location'
import {
  BrowserWindow as FakeBrowserWindow,
  FakeFrame,
  ipcMain,
  resetElectronMock,
} from './electron-mock'
import { SNAPSHOT, STATUS, fakeCore } from './fake-core'
import { fakeLog } from './fake-log'

vi.mock('electron', () => import('./electron-mock'))

const location: RendererLocation = { kind: 'file', path: '/app/out/renderer/index.html' }

function setUp() {
  const core = fakeCore()
  const log = fakeLog()
  const window = new FakeBrowserWindow({})
  const dispose = registerIpc({
    core,
    windows: () => FakeBrowserWindow.getAllWindows() as unknown as BrowserWindow[],
    location,
    log,
  })
  const handler = ipcMain.handlers.get(KDS_CHANNELS.request)
  if (handler === undefined) throw new Error('no request handler')
  const ask = (frame: unknown, senderFrame: FakeFrame | null = window.webContents.mainFrame) =>
    handler({ senderFrame }, frame)
  return { core, log, window, dispose, ask }
}

beforeEach(resetElectronMock)

describe('requests', () => {
  it('answers our main frame through dispatch', async () => {
    const { ask } = setUp()
    await expect(ask({ id: 7, name: 'snapshot', args: [] })).resolves.toEqual({
      id: 7,
      ok: true,
      result: SNAPSHOT,
    })
    await expect(
      ask({ id: 8, name: 'updateSettings', args: [{ language: 'en' }] }),
    ).resolves.toMatchObject({
      id: 8,
      ok: true,
      result: { language: 'en' },
    })
  })

  it('answers a malformed frame with an error and never calls the core', async () => {
    const { ask, core } = setUp()
    await expect(ask({ id: 9, name: 'deleteEverything', args: [] })).resolves.toMatchObject({
      id: 9,
      ok: false,
      error: expect.stringContaining('bad request'),
    })
    await expect(ask('not a frame')).resolves.toMatchObject({ id: 0, ok: false })
    await expect(
      ask({ id: 10, name: 'updateSettings', args: [{ language: 'klingon' }] }),
    ).resolves.toMatchObject({
      id: 10,
      ok: false,
      error: expect.stringContaining('bad arguments to updateSettings'),
    })
    expect(core.updateSettings).not.toHaveBeenCalled()
  })

  it('drops a request from an unknown frame, a subframe or a foreign page, and logs it', () => {
    const { ask, core, log, window } = setUp()
    const { processId, routingId } = window.webContents.mainFrame
    const strangers = [
      null,
      new FakeFrame('file:///app/out/renderer/index.html', 999, 999),
      new FakeFrame('file:///app/out/renderer/index.html', processId, routingId + 1000),
      new FakeFrame('https://evil.example/', processId, routingId),
    ]
    for (const stranger of strangers) {
      expect(ask({ id: 1, name: 'status', args: [] }, stranger)).toBeUndefined()
    }
    expect(core.status).not.toHaveBeenCalled()
    expect(log.warn).toHaveBeenCalledTimes(strangers.length)
    expect(log.warn).toHaveBeenCalledWith('dropped a request from an unknown frame', {
      url: 'https://evil.example/',
    })
  })
})

describe('pushes', () => {
  it('go to every window showing our page', () => {
    const { core, window } = setUp()
    const other = new FakeBrowserWindow({})
    const elsewhere = new FakeBrowserWindow({})
    elsewhere.webContents.mainFrame.url = 'https://evil.example/'
    const closed = new FakeBrowserWindow({})
    closed.destroyed = true
    core.push({ type: 'status', status: STATUS })
    const expected = [KDS_CHANNELS.message, { type: 'status', status: STATUS }]
    expect(window.webContents.send.mock.calls).toEqual([expected])
    expect(other.webContents.send.mock.calls).toEqual([expected])
    expect(elsewhere.webContents.send).not.toHaveBeenCalled()
    expect(closed.webContents.send).not.toHaveBeenCalled()
  })

  it('stop, and the handler goes, when disposed', () => {
    const { core, dispose } = setUp()
    dispose()
    expect(core.listeners.size).toBe(0)
    expect(ipcMain.handlers.has(KDS_CHANNELS.request)).toBe(false)
  })
})
