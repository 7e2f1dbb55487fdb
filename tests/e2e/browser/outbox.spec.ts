// The kitchen tells the backend, in a real browser. Demo mode out of the box: «Начать» and a bump
// on the kitchen become COOKING and COLLECTED on the bundled server, and the dispatcher's timeline
// records them. Against a backend that refuses (the WATCHER may not change conditions there), the
// ticket says why. Screenshots at the three screen sizes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { REFERENCE_CONDITION_ACTION } from '../../../electron/common/condition-action'
import { expect, test } from '../helpers/fixtures'
import { startCli, type CliProcess } from '../helpers/processes'
import { ReferenceServer, WATCHER_TOKEN } from '../helpers/reference-server'
import { startTcpProxy } from '../../helpers/tcp-proxy'
import { atEachScreen } from '../helpers/screens'

/** The demo WATCHER's user id: a --condition-writers of the server that lets it write. */
const WATCHER_ID = '6a6b64730000000000000002'
const READY = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/
const connection = (page: Page) => page.locator('[data-testid="connection-status"]')
const card = (page: Page, id: string) =>
  page.locator(`[data-testid="order-card"][data-order-id="${id}"]`)

/** A web shell on its own data directory, `settings` written there first; stopped after the test. */
async function shellWith(
  args: string[],
  settings: Record<string, unknown> | null,
  env: Record<string, string> = {},
): Promise<CliProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kds-e2e-outbox-'))
  if (settings !== null) writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings))
  const shell = await startCli(
    'electron/web/cli.ts',
    ['--port', '0', '--data-dir', dataDir, ...args],
    READY,
    env,
  )
  cleanups.push(async () => {
    await shell.stop()
    await test.info().attach('web-shell.log', { body: shell.output(), contentType: 'text/plain' })
    rmSync(dataDir, { recursive: true, force: true })
  })
  return shell
}

const cleanups: (() => Promise<void>)[] = []
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function keep(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`)
  await page.screenshot({ path })
  await test.info().attach(name, { path, contentType: 'image/png' })
}

test('demo mode: «Начать» and a bump on the kitchen, COOKING and COLLECTED on the dispatcher', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const shell = await shellWith([], null)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(shell.address)
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  await expect(page.getByTestId('demo-badge')).toBeVisible()
  // The demo invents an order every ten seconds or so; the first NEW one will do.
  const first = page.locator('[data-testid="order-card"][data-condition="NEW"]').first()
  await expect(first).toBeVisible({ timeout: 30_000 })
  const id = (await first.getAttribute('data-order-id')) ?? ''
  await atEachScreen(page, (size) => keep(page, `kitchen-start-${size}`))

  await card(page, id).getByTestId('start').click()
  await expect(card(page, id)).toHaveAttribute('data-condition', 'COOKING')
  await expect(card(page, id).getByTestId('start')).toHaveCount(0)

  await card(page, id).getByTestId('bump').click()
  // The card goes only once the backend's own COLLECTED has come back.
  await expect(card(page, id)).toHaveCount(0)
  await expect(page.getByTestId('outbox-waiting')).toHaveCount(0)

  await page.goto(`${shell.address}#/dispatch`)
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  const ofOrder = page.locator(`[data-testid="timeline-entry"][data-order-id="${id}"]`)
  await expect(ofOrder.and(page.locator('[data-condition="COLLECTED"]'))).toHaveCount(1)
  await expect(ofOrder.and(page.locator('[data-condition="COOKING"]'))).toHaveCount(1)
  await keep(page, 'dispatch-collected')
})

test('a backend that refuses: the ticket says «нет прав менять статус», nothing moves', async ({
  page,
  reference,
}) => {
  const settings = {
    conditionAction: REFERENCE_CONDITION_ACTION,
    actions: { start: 'COOKING', bump: 'COLLECTED' },
  }
  const shell = await shellWith(['--server', reference.url], settings, {
    KDS_TOKEN: WATCHER_TOKEN,
  })
  await page.goto(shell.address)
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  const id = await reference.createOrder()
  await reference.createOrder()
  await card(page, id).getByTestId('bump').click()
  const note = card(page, id).getByTestId('ticket-outbox')
  await expect(note).toHaveAttribute('data-state', 'failed')
  await expect(note).toContainText('Не принято: нет прав менять статус')
  await expect(card(page, id)).toHaveAttribute('data-condition', 'NEW')
  await atEachScreen(page, (size) => keep(page, `kitchen-refused-${size}`))
  await note.getByTestId('outbox-dismiss').click()
  await expect(note).toHaveCount(0)
  await expect(card(page, id)).toBeVisible()
})

test('the settings screen takes the action as JSON and refuses one that cannot work', async ({
  page,
}) => {
  const shell = await shellWith([], null)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(shell.address)
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  await page.getByTestId('open-settings').click()
  const template = page.getByTestId('settings-condition-action')
  await template.scrollIntoViewIfNeeded()
  await template.fill('{"method":"PATCH","url":"{server}/api/orders/{order}","body":null}')
  await page.getByTestId('settings-save').click()
  await expect(page.getByTestId('settings-error')).toContainText(
    'conditionAction.url: unknown placeholder {order}',
  )
  await keep(page, 'settings-refused')
  await template.fill('{ "method": "PATCH"')
  await page.getByTestId('settings-save').click()
  await expect(page.getByTestId('settings-error')).toContainText('conditionAction: not valid JSON')
  await template.fill(JSON.stringify(REFERENCE_CONDITION_ACTION))
  await page.locator('input[name="actionStart"]').fill('')
  await page.locator('input[name="actionBump"]').fill('COLLECTED')
  await page.getByTestId('settings-save').click()
  await expect(page.getByTestId('settings-panel')).toHaveCount(0)
  // «Начать» is not configured now: no ticket offers it.
  await expect(page.getByTestId('start')).toHaveCount(0)
})

test('an outage: the ticket waits as «→ Собран…», the bar counts it, and it goes once back', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const writer = await ReferenceServer.start(0, ['--condition-writers', WATCHER_ID])
  cleanups.push(() => writer.stop())
  const proxy = await startTcpProxy(writer.port)
  cleanups.push(() => proxy.close())
  const settings = { conditionAction: REFERENCE_CONDITION_ACTION, actions: { bump: 'COLLECTED' } }
  const shell = await shellWith(['--server', proxy.url], settings, { KDS_TOKEN: WATCHER_TOKEN })
  await page.goto(shell.address)
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  const id = await writer.createOrder()
  await writer.createOrder()
  await expect(card(page, id)).toBeVisible()

  proxy.cut()
  await expect(connection(page)).toHaveAttribute('data-state', 'offline', { timeout: 15_000 })
  await card(page, id).getByTestId('bump').click()
  const note = card(page, id).getByTestId('ticket-outbox')
  await expect(note).toHaveAttribute('data-state', 'pending')
  await expect(note).toContainText('→ Собран…')
  await expect(note).toContainText('нет связи, попытка')
  await expect(page.getByTestId('outbox-waiting')).toHaveText('Ждут отправки: 1')
  await atEachScreen(page, (size) => keep(page, `kitchen-waiting-${size}`))

  proxy.restore()
  await expect(card(page, id)).toHaveCount(0, { timeout: 30_000 })
  await expect(page.getByTestId('outbox-waiting')).toHaveCount(0)
})
