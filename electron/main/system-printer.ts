// System printers, for the core's print queue: the ticket's page (the same SVG the settings screen
// previews) is loaded into a hidden, script-less window and printed with Electron's silent print
// to the named printer. Only the Electron shell can reach the operating system's printers.
import { BrowserWindow } from 'electron'
import type { SystemPrint, SystemPrintRequest } from '../core/printing/print-output'

/** The parts of a BrowserWindow printing needs; tests give a fake. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>
  webContents: {
    print(
      options: Electron.WebContentsPrintOptions,
      callback: (success: boolean, failureReason: string) => void,
    ): void
  }
  destroy(): void
}

// AUXCLICK_JS_CHECK (reviewed): the window is never shown and runs no script; it holds only the
// ticket page made here, with no link in it, and every window open is denied app-wide anyway.
const hiddenWindow = (): PrintWindow =>
  new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    },
  })

/** The page's height in mm: the SVG's height scaled as its width is to the paper's. */
export function pageHeightMm(svg: string, widthMm: number): number {
  const size = /<svg width="(\d+)px" height="(\d+)px"/.exec(svg)
  const width = Number(size?.[1] ?? 0)
  const height = Number(size?.[2] ?? 0)
  return width > 0 ? (height / width) * widthMm : widthMm
}

/** The HTML page that holds the ticket: nothing but the image, the paper's width, no margins. */
export function ticketPage(request: SystemPrintRequest): string {
  const image = `data:image/svg+xml;base64,${Buffer.from(request.svg).toString('base64')}`
  const mm = request.widthMm
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<style>@page{margin:0}html,body{margin:0}img{display:block;width:${mm}mm}</style>`,
    `</head><body><img src="${image}" alt=""></body></html>`,
  ].join('')
}

/** Silent printing to system printers through hidden windows. */
export function systemPrinter(createWindow: () => PrintWindow = hiddenWindow): SystemPrint {
  return async (request) => {
    const window = createWindow()
    try {
      const html = ticketPage(request)
      await window.loadURL(`data:text/html;base64,${Buffer.from(html).toString('base64')}`)
      const heightMm = Math.max(pageHeightMm(request.svg, request.widthMm), 10)
      await new Promise<void>((resolve, reject) =>
        window.webContents.print(
          {
            silent: true,
            deviceName: request.deviceName,
            printBackground: true,
            margins: { marginType: 'none' },
            // Microns; a roll has no page length, so the page is as long as the ticket.
            pageSize: {
              width: Math.round(request.widthMm * 1000),
              height: Math.round(heightMm * 1000),
            },
          },
          (success, failureReason) =>
            success
              ? resolve()
              : reject(
                  new Error(
                    `the system printer "${request.deviceName}" did not print (${failureReason || 'no reason given'})`,
                  ),
                ),
        ),
      )
    } finally {
      window.destroy()
    }
  }
}
