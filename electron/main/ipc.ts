// The central IPC manager: the one place ipcMain is touched. Requests are answered only for our own
// page's main frame, and always through dispatchRequest, which parses everything with zod.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { dispatchRequest } from '../common/kds-dispatch'
import { KDS_CHANNELS, type KdsHost, type KdsResponse } from '../common/kds-api'
import type { Logger } from '../core/logger'
import { isAppUrl, type RendererLocation } from './renderer-location'
import { isTrustedSender } from './security'

/** What the IPC manager needs of the core. */
export type IpcCore = KdsHost

export interface IpcOptions {
  core: IpcCore
  /** The windows that may talk to the core, looked up at each message. */
  windows: () => readonly BrowserWindow[]
  location: RendererLocation
  log: Logger
}

/** Answers KdsApi requests and forwards the core's pushes to every window; returns the undo. */
export function registerIpc({ core, windows, location, log }: IpcOptions): () => void {
  ipcMain.handle(
    KDS_CHANNELS.request,
    (event: IpcMainInvokeEvent, frame: unknown): Promise<KdsResponse> | undefined => {
      if (!isTrustedSender(event.senderFrame, windows(), location)) {
        // Dropped, not answered: an unknown frame learns nothing, not even why.
        log.warn('dropped a request from an unknown frame', { url: event.senderFrame?.url ?? null })
        return undefined
      }
      return dispatchRequest(core, frame)
    },
  )
  const unsubscribe = core.subscribe((message) => {
    for (const window of windows()) {
      if (window.isDestroyed()) continue
      const contents = window.webContents
      if (location.kind !== 'hub' && isAppUrl(location, contents.getURL()))
        contents.send(KDS_CHANNELS.message, message)
    }
  })
  return () => {
    unsubscribe()
    ipcMain.removeHandler(KDS_CHANNELS.request)
  }
}
