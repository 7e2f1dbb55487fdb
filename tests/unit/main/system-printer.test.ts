import { describe, expect, it, vi } from 'vitest'
import {
  pageHeightMm,
  systemPrinter,
  ticketPage,
  type PrintWindow,
} from '../../../electron/main/system-printer'

vi.mock('electron', () => import('./electron-mock'))

const SVG = '<svg width="576px" height="720px" viewBox="0 0 576 720"><text>№ 12</text></svg>'

function fakeWindow(outcome: { success: boolean; reason?: string }) {
  const window = {
    loadURL: vi.fn(async (_url: string) => {}),
    webContents: {
      print: vi.fn(
        (_options: Electron.WebContentsPrintOptions, done: (ok: boolean, reason: string) => void) =>
          done(outcome.success, outcome.reason ?? ''),
      ),
    },
    destroy: vi.fn(),
  } satisfies PrintWindow
  return window
}

describe('system printers', () => {
  it('prints the ticket page silently on the named printer, as long as the ticket, and closes the window', async () => {
    const window = fakeWindow({ success: true })
    await systemPrinter(() => window)({ deviceName: 'XP-80C', svg: SVG, widthMm: 80 })
    const url = window.loadURL.mock.calls[0]?.[0] ?? ''
    const html = Buffer.from(url.replace('data:text/html;base64,', ''), 'base64').toString('utf8')
    expect(html).toContain(Buffer.from(SVG).toString('base64'))
    expect(html).toContain('width:80mm')
    expect(window.webContents.print.mock.calls[0]?.[0]).toMatchObject({
      silent: true,
      deviceName: 'XP-80C',
      margins: { marginType: 'none' },
      pageSize: { width: 80_000, height: 100_000 },
    })
    expect(window.destroy).toHaveBeenCalledOnce()
  })

  it('rejects with the reason the system gave, and still closes the window', async () => {
    const window = fakeWindow({ success: false, reason: 'Invalid deviceName provided' })
    const print = systemPrinter(() => window)({ deviceName: 'Nope', svg: SVG, widthMm: 58 })
    await expect(print).rejects.toThrow(
      'the system printer "Nope" did not print (Invalid deviceName provided)',
    )
    expect(window.destroy).toHaveBeenCalledOnce()
  })

  it('sizes the page from the image and allows no script in it', () => {
    expect(pageHeightMm(SVG, 58)).toBeCloseTo(72.5)
    expect(ticketPage({ deviceName: 'x', svg: SVG, widthMm: 58 })).toContain("default-src 'none'")
  })
})
