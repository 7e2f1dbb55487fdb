// The print queue end to end: the reference server sends an order, the core prints it on a fake
// ESC/POS printer (a TCP server on 127.0.0.1 that keeps the bytes), also when the printer is
// away for a while and when the hub restarts meanwhile.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CardOrder } from '../../electron/common/card-order'
import type { Order } from '../../electron/common/protocol/schemas'
import { PrinterSchema, type PrinterInput } from '../../electron/common/printers'
import { KdsCore, type DemoServer } from '../../electron/core/kds-core'
import { silentLogger } from '../../electron/core/logger'
import { CUT, STATUS_REQUEST } from '../../electron/core/printing/encode'
import type { Station } from '../../electron/common/stations'
import { fileSettingsBackend, SETTINGS_FILE } from '../../electron/core/settings-file'
import type { OrderDraft } from '../../electron/server/order-draft'
import { FakePrinter } from '../helpers/fake-printer'
import { waitFor } from '../helpers/wait'
import { cleanUp, startServer, type TestServer } from './server-harness'

const cores: KdsCore[] = []
const printers: FakePrinter[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
  for (const printer of printers.splice(0)) await printer.close()
  await cleanUp()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const noDemo = async (): Promise<DemoServer> => {
  throw new Error('demo mode was not expected')
}
const cp866 = (bytes: Uint8Array) => new TextDecoder('ibm866').decode(bytes)

async function fakePrinter(): Promise<FakePrinter> {
  const printer = await FakePrinter.start()
  printers.push(printer)
  return printer
}

function printerOn(fake: FakePrinter, overrides: Partial<PrinterInput> = {}): PrinterInput {
  return {
    id: 'pack',
    name: 'Упаковка',
    kind: 'escpos-tcp',
    host: '127.0.0.1',
    port: fake.port,
    width: 80,
    codepage: 'cp866',
    print: 'new',
    station: null,
    ...overrides,
  } as PrinterInput
}

/** A core on its own data dir, its settings holding `printerSettings`, watching `server`. */
async function startCore(
  dataDir: string,
  server: TestServer,
  printerSettings: PrinterInput[],
  stations: Station[] = [],
): Promise<KdsCore> {
  writeFileSync(
    join(dataDir, SETTINGS_FILE),
    JSON.stringify({ printers: printerSettings, stations }),
  )
  const core = await KdsCore.start({
    dataDir,
    settings: fileSettingsBackend(dataDir, { serverUrl: server.url, token: 'demo-watcher' }),
    startDemo: noDemo,
    log: silentLogger,
    printing: { timeoutMs: 1_000, backoff: { baseMs: 50, maxMs: 200, jitter: 0 } },
  })
  cores.push(core)
  await waitFor(() => core.status().connection.state === 'connected', 'the connection')
  return core
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kds-print-'))
  dirs.push(dir)
  return dir
}

function newOrder(server: TestServer, draft: OrderDraft = {}): Order {
  const created = server.handle.createOrder(draft)
  if (!created.ok) throw new Error(created.reason)
  return created.value
}

const titles = (order: Order | CardOrder) => order.products.map((item) => item.product.title)

describe('printing', () => {
  it('prints a new order within 2 s: cp866 text with its number and items, ending with a cut', async () => {
    const server = await startServer()
    const fake = await fakePrinter()
    const core = await startCore(tempDir(), server, [printerOn(fake)])
    const order = newOrder(server)
    await fake.waitForPrinted(1)
    await waitFor(() => fake.printed.length === 1, 'the ticket within 2 s', 2_000)
    const [job] = fake.printed
    if (job === undefined) throw new Error('no job')
    const text = cp866(job)
    expect(text).toContain(`№ ${order.number}`)
    for (const title of titles(order)) expect(text).toContain(title)
    // The cut comes after the last item, and only the status request after the cut.
    expect(job.lastIndexOf(CUT)).toBeGreaterThan(job.lastIndexOf(Buffer.from([0x0a])))
    expect(job.subarray(-STATUS_REQUEST.length)).toEqual(STATUS_REQUEST)
    await waitFor(() => core.health().printQueue === 0, 'the queue to empty')
    expect(core.status().printers).toEqual([
      { id: 'pack', name: 'Упаковка', state: 'ok', waiting: 0, error: null },
    ])
  })

  it('keeps the ticket while the printer is down, warns, and prints it once when it is back', async () => {
    const server = await startServer()
    const fake = await fakePrinter()
    await fake.down()
    const core = await startCore(tempDir(), server, [printerOn(fake)])
    const order = newOrder(server)
    await waitFor(() => core.status().printers[0]?.state === 'down', 'the printer to be down')
    expect(core.status().printers[0]).toMatchObject({ name: 'Упаковка', waiting: 1 })
    expect(core.status().printers[0]?.error).toMatch(/ECONNREFUSED/)
    expect(core.health().printQueue).toBe(1)
    await fake.up()
    await fake.waitForPrinted(1)
    await waitFor(() => core.health().printQueue === 0, 'the queue to empty')
    expect(core.status().printers[0]).toMatchObject({ state: 'ok', waiting: 0 })
    // A second order proves the queue has moved on; the first was not printed twice.
    const second = newOrder(server)
    await fake.waitForPrinted(2)
    const numbers = fake.printed.map((job) => /№ (\d+)/.exec(cp866(job))?.[1])
    expect(numbers).toEqual([String(order.number), String(second.number)])
  })

  it('keeps waiting tickets across a hub restart and prints each once, in order', async () => {
    const server = await startServer()
    const fake = await fakePrinter()
    await fake.down()
    const dir = tempDir()
    const first = await startCore(dir, server, [printerOn(fake)])
    const orders = [newOrder(server), newOrder(server)]
    await waitFor(() => first.status().printers[0]?.waiting === 2, 'two tickets waiting')
    await first.close()
    cores.splice(cores.indexOf(first), 1)
    const second = await startCore(dir, server, [printerOn(fake)])
    expect(second.status().printers[0]?.waiting).toBe(2)
    await fake.up()
    await fake.waitForPrinted(2)
    await waitFor(() => second.health().printQueue === 0, 'the queue to empty')
    const third = newOrder(server)
    await fake.waitForPrinted(3)
    const numbers = fake.printed.map((job) => /№ (\d+)/.exec(cp866(job))?.[1])
    expect(numbers).toEqual([...orders, third].map((order) => String(order.number)))
  })

  it('prints on a station printer only that station’s items', async () => {
    const server = await startServer()
    const fake = await fakePrinter()
    const everything = await fakePrinter()
    const menu = server.handle.menu
    const drink = menu.find((entry) => entry.category === 'drink')
    const soup = menu.find((entry) => entry.category === 'soup' && entry.variants.length === 0)
    if (drink === undefined || soup === undefined) throw new Error('the demo menu has changed')
    // The bar takes the drink, the hot station the soup: the hub's own routing rules.
    const stations: Station[] = [
      { id: 'hot', name: 'Горячий цех', match: [soup.product._id] },
      { id: 'bar', name: 'Бар', match: [drink.product._id] },
    ]
    await startCore(
      tempDir(),
      server,
      [
        printerOn(fake, { id: 'bar', name: 'Бар', station: 'bar' }),
        printerOn(everything, { id: 'all', name: 'Кухня' }),
      ],
      stations,
    )
    const line = (entry: typeof drink) => ({
      productId: entry.product._id,
      number: 1,
      ...(entry.variants[0] === undefined ? {} : { variantId: entry.variants[0]._id }),
    })
    const food = soup.product
    const mixed = newOrder(server, { products: [line(soup), line(drink)] })
    const foodOnly = newOrder(server, { products: [line(soup)] })
    await everything.waitForPrinted(2)
    await fake.waitForPrinted(1)
    const barTicket = cp866(fake.printed[0] ?? Buffer.alloc(0))
    expect(barTicket).toContain(`№ ${mixed.number}`)
    expect(barTicket).toContain(drink.product.title)
    expect(barTicket).not.toContain(food.title)
    expect(barTicket).toContain('+1 позиция в других цехах')
    expect(cp866(everything.printed[0] ?? Buffer.alloc(0))).toContain(food.title)
    // The food-only order has nothing for the bar: no ticket there.
    expect(cp866(everything.printed[1] ?? Buffer.alloc(0))).toContain(`№ ${foodOnly.number}`)
    expect(fake.printed).toHaveLength(1)
  })

  it('prints on the next station of an assembly line when the ticket reaches it', async () => {
    const server = await startServer()
    const packing = await fakePrinter()
    const soup = server.handle.menu.find(
      (entry) => entry.category === 'soup' && entry.variants.length === 0,
    )
    if (soup === undefined) throw new Error('the demo menu has changed')
    const stations: Station[] = [
      { id: 'hot', name: 'Горячий цех', match: [soup.product._id], next: 'pack' },
      { id: 'pack', name: 'Упаковка', match: [] },
    ]
    const core = await startCore(
      tempDir(),
      server,
      [printerOn(packing, { id: 'pack', station: 'pack' })],
      stations,
    )
    const order = newOrder(server, { products: [{ productId: soup.product._id, number: 2 }] })
    await waitFor(() => core.snapshot().orders.length === 1, 'the order on the board')
    // Nothing of it is packing's yet: no ticket there until the hot station passes it on.
    expect(core.health().printQueue).toBe(0)
    expect(packing.jobs).toHaveLength(0)
    core.bumpStation(order._id, 'hot')
    await packing.waitForPrinted(1)
    const ticket = cp866(packing.printed[0] ?? Buffer.alloc(0))
    expect(ticket).toContain(`№ ${order.number}`)
    expect(ticket).toContain(soup.product.title)
  })

  it('prints a bag label on the bump with print "ready", once, and again only on a reprint', async () => {
    const server = await startServer()
    const fake = await fakePrinter()
    const core = await startCore(tempDir(), server, [printerOn(fake, { print: 'ready' })])
    const order = newOrder(server, { delivery: true })
    await waitFor(() => core.snapshot().orders.length === 1, 'the order on the board')
    expect(fake.jobs).toHaveLength(0)
    core.bump(order._id)
    await fake.waitForPrinted(1)
    const label = cp866(fake.printed[0] ?? Buffer.alloc(0))
    expect(label).toContain(`№ ${order.number}`)
    expect(label).toContain(order.username)
    core.recall(order._id)
    core.bump(order._id)
    expect(core.reprint(order._id)).toBe(1)
    await fake.waitForPrinted(2)
    await waitFor(() => core.health().printQueue === 0, 'the queue to empty')
    expect(fake.printed).toHaveLength(2)
    expect(cp866(fake.printed[1] ?? Buffer.alloc(0))).toContain('ПОВТОРНАЯ ПЕЧАТЬ')
  })

  it('times out a printer that accepts and never reads, and says so', async () => {
    const server = await startServer()
    const fake = await fakePrinter()
    fake.mode = 'stuck'
    const core = await startCore(tempDir(), server, [printerOn(fake)])
    newOrder(server)
    await waitFor(() => core.status().printers[0]?.state === 'down', 'the printer to be down')
    expect(core.status().printers[0]?.error).toMatch(/did not answer within 1000 ms/)
  })

  it('refuses a printer setting that cannot work, naming the field', async () => {
    const server = await startServer()
    const fake = await fakePrinter()
    const core = await startCore(tempDir(), server, [])
    const refused = (printers: unknown) =>
      core.updateSettings({ printers } as Parameters<KdsCore['updateSettings']>[0])
    await expect(refused([{ id: 'a', name: 'A', kind: 'escpos-tcp' }])).rejects.toThrow(
      /printers\[0\]\.host: is required for an escpos-tcp printer/,
    )
    await expect(refused([printerOn(fake, { codepage: 'koi8-r' } as never)])).rejects.toThrow(
      /printers\[0\]\.codepage: the encoder has no code page "koi8-r"/,
    )
    // The browser shell has no system printing: such a printer could never print there.
    const system = { id: 's', name: 'S', kind: 'system', deviceName: 'XP-80' }
    await expect(refused([system])).rejects.toThrow(
      'printers[0].kind: system printers print from the Electron app only',
    )
    expect(core.settings().printers).toEqual([])
    await core.updateSettings({ printers: [PrinterSchema.parse(printerOn(fake))] })
    expect(core.status().printers).toEqual([
      { id: 'pack', name: 'Упаковка', state: 'ok', waiting: 0, error: null },
    ])
  })

  it('says a ticket is printed again when the hub stopped while sending it', async () => {
    const server = await startServer()
    const fake = await fakePrinter()
    // It takes the bytes and never answers: the hub cannot know whether it printed.
    fake.mode = 'mute'
    const dir = tempDir()
    const first = await startCore(dir, server, [printerOn(fake)])
    const order = newOrder(server)
    await waitFor(() => fake.jobs.length === 1 && (fake.jobs[0]?.length ?? 0) > 0, 'the bytes sent')
    await first.close()
    cores.splice(cores.indexOf(first), 1)
    fake.mode = 'ok'
    await startCore(dir, server, [printerOn(fake)])
    await fake.waitForPrinted(2)
    const again = cp866(fake.printed[1] ?? Buffer.alloc(0))
    expect(again).toContain(`№ ${order.number}`)
    expect(again).toContain('ПОВТОРНАЯ ПЕЧАТЬ')
  })
})
