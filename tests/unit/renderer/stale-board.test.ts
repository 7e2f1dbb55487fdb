// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import type { ConnectionState, CoreStatus } from '../../../electron/common/status'
import BoardView from '../../../renderer/src/components/BoardView.vue'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useClockStore } from '../../../renderer/src/stores/clock'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { FakeKds, coreStatus } from './fake-kds'
import { withScreenHeight, withBoardLayout } from './layout'
import { freshPinia, mountWith } from './mount'
import { entryOf, makeOrder } from './orders'

withBoardLayout('columns')
withScreenHeight()

const at = (day: number, hours: number, minutes: number) =>
  new Date(2024, 3, day, hours, minutes).getTime()
const NOW = at(23, 14, 30)

let pinia: Pinia
let kds: FakeKds

/** A status in `state` that began at `since`; `lostAt` when the core saw the link live before. */
function statusSince(
  state: ConnectionState,
  since: number,
  lostAt: number | null = null,
): CoreStatus {
  const status = coreStatus(state)
  status.connection = { ...status.connection, since, lostAt }
  return status
}

beforeEach(() => {
  pinia = freshPinia()
  kds = new FakeKds()
  useClockStore().now = NOW
})

afterEach(() => {
  useBoardStore().stop()
  useStatusStore().stop()
})

async function start() {
  await useStatusStore().start(kds)
  await useBoardStore().start(kds)
  const wrapper = mountWith(BoardView, pinia)
  await flushPromises()
  return wrapper
}

const stripe = (wrapper: Awaited<ReturnType<typeof start>>) =>
  wrapper.find('[data-testid="stale-board"]')

describe('a stale board', () => {
  it('is marked when the program starts offline with a board from the journal', async () => {
    // The journal's board: the newest change it knows is from 13:47; the core started at 14:29.
    kds.setBoard(2, [
      { ...entryOf(makeOrder({ createdAt: at(23, 13, 30) })), changedAt: at(23, 13, 47) },
      entryOf(makeOrder({ createdAt: at(23, 13, 40) })),
    ])
    kds.currentStatus = statusSince('offline', at(23, 14, 29))
    const wrapper = await start()
    expect(stripe(wrapper).text()).toBe('данные на 13:47, нет связи')
    expect(wrapper.get('.board__main').classes()).toContain('board__main--stale')
    // The cards are still there to read.
    expect(wrapper.findAll('[data-testid="order-card"]')).toHaveLength(2)

    kds.pushStatus(coreStatus('connected'))
    await flushPromises()
    expect(stripe(wrapper).exists()).toBe(false)
    expect(wrapper.get('.board__main').classes()).not.toContain('board__main--stale')
  })

  it('gives the date when the journal’s board is from another day', async () => {
    kds.setBoard(1, [{ ...entryOf(makeOrder()), changedAt: at(22, 23, 10) }])
    kds.currentStatus = statusSince('offline', at(23, 14, 29))
    const wrapper = await start()
    expect(stripe(wrapper).text()).toBe('данные на 22 апреля 23:10, нет связи')
  })

  it('says when the link was lost, not when the last retry began', async () => {
    kds.setBoard(1, [{ ...entryOf(makeOrder()), changedAt: at(23, 11, 0) }])
    kds.currentStatus = coreStatus('connected')
    const wrapper = await start()
    expect(stripe(wrapper).exists()).toBe(false)
    const lost = at(23, 14, 2)
    kds.pushStatus(statusSince('offline', lost, lost))
    kds.pushStatus(statusSince('connecting', at(23, 14, 10), lost))
    await flushPromises()
    expect(stripe(wrapper).text()).toBe('данные на 14:02, нет связи')
    kds.pushStatus(statusSince('offline', at(23, 14, 11), lost))
    await flushPromises()
    expect(stripe(wrapper).text()).toBe('данные на 14:02, нет связи')
  })

  it('is not marked while the first connection is still being made', async () => {
    kds.setBoard(1, [entryOf(makeOrder())])
    kds.currentStatus = statusSince('connecting', at(23, 14, 29))
    const wrapper = await start()
    expect(stripe(wrapper).exists()).toBe(false)
    kds.pushStatus(statusSince('authorizing', at(23, 14, 29)))
    await flushPromises()
    expect(stripe(wrapper).exists()).toBe(false)
  })

  it('says it in English', async () => {
    kds.currentStatus = coreStatus('connected')
    await useStatusStore().start(kds)
    await useBoardStore().start(kds)
    const wrapper = mountWith(BoardView, pinia, {}, 'en')
    kds.pushStatus(statusSince('offline', at(23, 14, 2), at(23, 14, 2)))
    await flushPromises()
    expect(wrapper.get('[data-testid="stale-board"]').text()).toBe(
      'data as of 14:02, no connection',
    )
  })
})

describe('status store outage', () => {
  it('takes the core’s lostAt after a live link, and the first offline otherwise', async () => {
    const status = useStatusStore()
    kds.currentStatus = statusSince('connecting', 100)
    await status.start(kds)
    expect(status.outage).toBeNull()
    kds.pushStatus(statusSince('offline', 200))
    expect(status.outage).toEqual({ since: 200, afterLive: false })
    kds.pushStatus(statusSince('offline', 300))
    expect(status.outage).toEqual({ since: 200, afterLive: false })
    kds.pushStatus(statusSince('connected', 400))
    expect(status.outage).toBeNull()
    kds.pushStatus(statusSince('connecting', 500, 480))
    expect(status.outage).toEqual({ since: 480, afterLive: true })
    kds.pushStatus(statusSince('offline', 600, 480))
    expect(status.outage).toEqual({ since: 480, afterLive: true })
    kds.pushStatus(statusSince('connected', 700))
    expect(status.outage).toBeNull()
  })

  it('knows the outage from lostAt even when this page never saw the board live', async () => {
    const status = useStatusStore()
    // Opened (or reloaded) during an outage the core has been in since 100.
    kds.currentStatus = statusSince('connecting', 900, 100)
    await status.start(kds)
    expect(status.outage).toEqual({ since: 100, afterLive: true })
  })
})
