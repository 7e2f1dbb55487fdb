// @vitest-environment jsdom
// Printing on the screens: the warning while a printer is down, the reprint on the ticket and the
// bump bar's P, and the printers in the settings (a field refused by name, the preview, the test).
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Printer } from '../../../electron/common/printers'
import OrderCard from '../../../renderer/src/components/OrderCard.vue'
import PrinterSettings from '../../../renderer/src/components/PrinterSettings.vue'
import PrinterWarnings from '../../../renderer/src/components/PrinterWarnings.vue'
import { handleKitchenKey } from '../../../renderer/src/kitchen/keyboard'
import { useKitchenStore } from '../../../renderer/src/kitchen/kitchen-store'
import { useBoardStore } from '../../../renderer/src/stores/board'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { useStatusStore } from '../../../renderer/src/stores/status'
import { coreStatus, FakeKds, settingsView } from './fake-kds'
import { freshPinia, mountWith } from './mount'
import { entryOf, makeOrder } from './orders'

const PACK: Printer = {
  id: 'pack',
  name: 'Упаковка',
  kind: 'escpos-tcp',
  host: '192.0.2.10',
  port: 9100,
  width: 80,
  codepage: 'cp866',
  print: 'ready',
  station: null,
}
const down = (waiting: number) => ({
  id: 'pack',
  name: 'Упаковка',
  state: 'down' as const,
  waiting,
  error: '192.0.2.10:9100 cannot be reached (ECONNREFUSED)',
})

let pinia: Pinia
let kds: FakeKds
beforeEach(async () => {
  pinia = freshPinia()
  kds = new FakeKds()
  kds.currentSettings = settingsView({ printers: [PACK] })
  await useSettingsStore().start(kds)
  await useStatusStore().start(kds)
  await useBoardStore().start(kds)
})
afterEach(() => {
  useSettingsStore().stop()
  useStatusStore().stop()
})

describe('the printer warning', () => {
  it('says which printer does not answer and how many tickets wait, in Russian plural forms', async () => {
    const wrapper = mountWith(PrinterWarnings, pinia)
    expect(wrapper.find('[data-testid="printer-warning"]').exists()).toBe(false)
    kds.pushStatus(coreStatus('connected', { printers: [down(3)] }))
    await flushPromises()
    expect(wrapper.get('[data-testid="printer-warning"]').text()).toBe(
      'принтер „Упаковка“ не отвечает — ждут 3 чека',
    )
    kds.pushStatus(coreStatus('connected', { printers: [down(1)] }))
    await flushPromises()
    expect(wrapper.get('[data-testid="printer-warning"]').text()).toBe(
      'принтер „Упаковка“ не отвечает — ждёт 1 чек',
    )
    kds.pushStatus(
      coreStatus('connected', { printers: [{ ...down(0), state: 'ok', error: null }] }),
    )
    await flushPromises()
    expect(wrapper.find('[data-testid="printer-warning"]').exists()).toBe(false)
  })
})

describe('reprint', () => {
  it('the ticket has a print button where the hub has printers, and it asks the core', async () => {
    const entry = entryOf(makeOrder({ number: 77 }))
    const card = () => mountWith(OrderCard, pinia, { props: { entry } })
    expect(card().find('[data-testid="reprint"]').exists()).toBe(false)
    kds.pushStatus(
      coreStatus('connected', { printers: [{ ...down(0), state: 'ok', error: null }] }),
    )
    await flushPromises()
    const wrapper = card()
    const button = wrapper.get('[data-testid="reprint"]')
    expect(button.attributes('aria-label')).toBe('Напечатать заказ № 77 ещё раз')
    expect(button.text()).toBe('Печать')
    await button.trigger('click')
    await flushPromises()
    expect(kds.reprints).toEqual([entry.id])
    expect(wrapper.get('[data-testid="reprint"]').attributes('data-state')).toBe('sent')
  })

  it('P on the bump bar prints the selected ticket again, and nothing without a selection', async () => {
    const entry = entryOf(makeOrder())
    kds.setBoard(1, [entry])
    await useBoardStore().start(kds)
    const press = () =>
      handleKitchenKey(new KeyboardEvent('keydown', { key: 'з', code: 'KeyP', bubbles: true }))
    expect(press()).toBe(false)
    expect(useKitchenStore().selectDigit(1)).toBe(true)
    expect(press()).toBe(true)
    await flushPromises()
    expect(kds.reprints).toEqual([entry.id])
  })
})

async function openEditor(wrapper: VueWrapper, selector: string): Promise<void> {
  await wrapper.get(selector).trigger('click')
  await flushPromises()
}

describe('printers in the settings', () => {
  it('lists the printers with their state', async () => {
    kds.pushStatus(coreStatus('connected', { printers: [down(2)] }))
    const wrapper = mountWith(PrinterSettings, pinia)
    await flushPromises()
    const row = wrapper.get('[data-testid="printer-row"]')
    expect(row.attributes('data-state')).toBe('down')
    expect(row.text()).toContain('192.0.2.10:9100')
    expect(row.get('.printer-row__state').text().replace(/\s+/g, ' ')).toBe('не отвечает · ждут: 2')
  })

  it('names the field that cannot work before anything is sent, then saves the printer', async () => {
    const wrapper = mountWith(PrinterSettings, pinia)
    await openEditor(wrapper, '[data-testid="printer-add"]')
    expect(wrapper.get('[data-testid="printer-problem"]').text()).toMatch(/^name: is empty/)
    await wrapper.get('input[name="printerName"]').setValue('Бар')
    expect(wrapper.get('[data-testid="printer-problem"]').text()).toMatch(/^host: is empty/)
    expect(wrapper.get('[data-testid="printer-save"]').attributes('disabled')).toBeDefined()
    await wrapper.get('input[name="printerHost"]').setValue('192.0.2.11')
    expect(wrapper.find('[data-testid="printer-problem"]').exists()).toBe(false)
    await openEditor(wrapper, '[data-testid="printer-save"]')
    expect(kds.updates.at(-1)?.printers?.map((printer) => printer.id)).toEqual([
      'pack',
      'printer-2',
    ])
    expect(kds.updates.at(-1)?.printers?.[1]).toMatchObject({
      name: 'Бар',
      host: '192.0.2.11',
      port: 9100,
    })
    expect(wrapper.findAll('[data-testid="printer-row"]')).toHaveLength(2)
  })

  it('previews what the printer being edited prints, and prints the test page on it', async () => {
    const wrapper = mountWith(PrinterSettings, pinia)
    await openEditor(wrapper, '[data-testid="printer-edit"]')
    await new Promise((resolve) => setTimeout(resolve, 250))
    await flushPromises()
    expect(kds.previews.at(-1)).toEqual({ printer: { ...PACK }, document: 'label' })
    expect(wrapper.get('[data-testid="printer-preview-image"]').attributes('src')).toMatch(
      /^data:image\/svg\+xml;charset=utf-8,/,
    )
    kds.refuseTestPrintWith = '192.0.2.10:9100 did not answer within 5000 ms'
    await openEditor(wrapper, '[data-testid="printer-test"]')
    expect(kds.testPrints).toHaveLength(1)
    expect(wrapper.get('[data-testid="printer-test-result"]').text()).toBe(
      'Не напечатано: 192.0.2.10:9100 did not answer within 5000 ms',
    )
    kds.refuseTestPrintWith = null
    await openEditor(wrapper, '[data-testid="printer-test"]')
    expect(wrapper.get('[data-testid="printer-test-result"]').text()).toBe(
      'Пробная страница напечатана',
    )
  })

  it('shows managed printers but lets nobody change them here', async () => {
    kds.push({
      type: 'settings',
      settings: settingsView({ printers: [PACK], managed: ['printers'] }),
    })
    const wrapper = mountWith(PrinterSettings, pinia)
    await flushPromises()
    expect(wrapper.find('[data-testid="printer-add"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="printer-remove"]').exists()).toBe(false)
    await openEditor(wrapper, '[data-testid="printer-edit"]')
    expect(wrapper.find('[data-testid="printer-save"]').exists()).toBe(false)
    expect(wrapper.get('input[name="printerHost"]').attributes('disabled')).toBeDefined()
  })
})
