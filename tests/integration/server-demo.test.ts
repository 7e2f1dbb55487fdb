import { afterEach, describe, expect, it } from 'vitest'
import { startDemoServer, type RunningDemoServer } from '../../electron/server/demo'
import { cleanUp, connectAs } from './server-harness'

afterEach(cleanUp)

describe('demo server', () => {
  let demo: RunningDemoServer | undefined
  afterEach(async () => {
    await demo?.close()
    demo = undefined
  })

  it('listens on loopback and gives a WATCHER token that receives simulated orders', async () => {
    demo = await startDemoServer({ simulatePerMinute: 60, timeScale: 0.001 })
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(demo.handle.users.byToken(demo.token)?.role).toBe('WATCHER')
    const display = await connectAs(demo.url, demo.token)
    await display.inbox.waitFor((item) => item.event === 'order:new', 'a simulated order')
    await demo.close()
    expect(demo.handle.simulator?.pending()).toBe(0)
  })
})
