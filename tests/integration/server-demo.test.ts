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

  it('recovers sessions, says so in its log, and its events carry the offset that adds', async () => {
    const said: string[] = []
    const logger = {
      info: (message: string) => said.push(message),
      warn: () => {},
      error: () => {},
    }
    demo = await startDemoServer({ simulatePerMinute: 0, logger })
    expect(said).toContain('demo server: connection state recovery on')
    const display = await connectAs(demo.url, demo.token)
    const ok = await display.inbox.waitFor((item) => item.event === 'authorization:ok', 'ok')
    expect(ok.args).toHaveLength(1)
    expect(typeof ok.args[0]).toBe('string')
  })
})
