// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import DiagnosticsPanel from '../../../renderer/src/components/DiagnosticsPanel.vue'
import { useDiagnosticsStore } from '../../../renderer/src/stores/diagnostics'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { FakeKds, coreStatus, settingsView } from './fake-kds'
import { freshPinia, mountWith } from './mount'

const at = (hours: number, minutes: number, seconds = 0) =>
  new Date(2024, 3, 23, hours, minutes, seconds).getTime()

let pinia: Pinia
let kds: FakeKds

beforeEach(() => {
  pinia = freshPinia()
  kds = new FakeKds()
  kds.diagnosticsOverrides = {
    version: '0.4.1',
    startedAt: at(9, 0),
    generatedAt: at(11, 5, 30),
    reconnects: 4,
    recovered: 3,
    gapsSeen: 2,
    journalBytes: 1536 * 1024,
    dataDir: '/home/kitchen/.config/kitchen-display',
    status: coreStatus('connected', {
      received: 1234,
      invalid: 3,
      journalWarnings: ['line 7 is not JSON'],
      gaps: [{ id: 2, from: at(10, 0), to: at(10, 3), code: 'resync-failed', reason: 'x' }],
      lastResync: { at: at(10, 3), orders: 5, rejected: 1, error: null },
    }),
    // Not in order on purpose: the panel puts the newest first whatever it is given.
    recentRejections: [
      { event: 'order:condition', reason: 'condition: is empty', at: at(10, 50, 1) },
      { event: 'order:new', reason: '_id: is empty', at: at(11, 2, 15) },
      { event: 'message', reason: 'a message over 1048576 bytes was cut off', at: at(9, 30) },
    ],
  }
  useDiagnosticsStore().start(kds)
})

afterEach(() => {
  vi.useRealTimers()
})

const text = (s: string) => s.replace(/\s+/g, ' ').trim()

async function panel(language: 'ru' | 'en' = 'ru') {
  const wrapper = mountWith(DiagnosticsPanel, pinia, {}, language)
  await flushPromises()
  return wrapper
}

describe('DiagnosticsPanel', () => {
  it('shows what support asks for', async () => {
    const wrapper = await panel()
    const field = (id: string) => text(wrapper.get(`[data-testid="diag-${id}"]`).text())
    expect(field('version')).toBe('0.4.1')
    expect(field('uptime')).toBe('2 ч 5 мин (запуск: 09:00)')
    expect(field('received')).toBe('1234')
    expect(field('rejected')).toBe('3')
    expect(field('reconnects')).toBe('4, из них без потерь: 3')
    expect(field('gaps')).toBe('2, не скрыто: 1')
    expect(field('resync')).toBe('10:03: заказов 5, отклонено 1')
    expect(field('journal-size')).toBe('1,5 МБ')
    expect(field('journal-problems')).toBe('line 7 is not JSON')
    expect(field('data-dir')).toBe('/home/kitchen/.config/kitchen-display')
    expect(field('generated')).toBe('обновлено в 11:05:30')
  })

  it('lists the last rejections newest first, each with its event and time', async () => {
    const wrapper = await panel()
    const rows = wrapper
      .findAll('[data-testid="diag-rejection"]')
      .map((li) =>
        ['time', 'event', 'reason'].map((part) =>
          li.get(`[data-testid="rejection-${part}"]`).text(),
        ),
      )
    expect(rows).toEqual([
      ['11:02:15', 'order:new', '_id: is empty'],
      ['10:50:01', 'order:condition', 'condition: is empty'],
      ['09:30:00', 'message', 'a message over 1048576 bytes was cut off'],
    ])
  })

  it('says a failed resync, a journal that cannot be written, and no resync at all', async () => {
    const status = coreStatus('offline', {
      journalError: 'EACCES: permission denied',
      lastResync: { at: at(10, 3), orders: 0, rejected: 0, error: 'HTTP 502' },
    })
    kds.diagnosticsOverrides = { ...kds.diagnosticsOverrides, status, journalBytes: 0 }
    const wrapper = await panel()
    expect(wrapper.get('[data-testid="diag-resync"]').text()).toBe('10:03: не удалась — HTTP 502')
    expect(wrapper.get('[data-testid="diag-journal-problems"]').text()).toBe(
      'не пишется, заказы только в памяти: EACCES: permission denied',
    )
    expect(wrapper.get('[data-testid="diag-journal-size"]').text()).toBe('0 Б')
    kds.diagnosticsOverrides = { ...kds.diagnosticsOverrides, status: coreStatus('connected') }
    await useDiagnosticsStore().refresh()
    await flushPromises()
    expect(wrapper.get('[data-testid="diag-resync"]').text()).toBe('не было')
    expect(wrapper.get('[data-testid="diag-journal-problems"]').text()).toBe('нет')
    expect(wrapper.findAll('[data-testid="diag-rejection"]')).toHaveLength(3)
  })

  it('asks when opened and every few seconds while open, and stops once closed', async () => {
    vi.useFakeTimers()
    const wrapper = mountWith(DiagnosticsPanel, pinia)
    await flushPromises()
    expect(kds.diagnosticsCalls).toBe(1)
    kds.diagnosticsOverrides = { ...kds.diagnosticsOverrides, reconnects: 5 }
    await vi.advanceTimersByTimeAsync(3_000)
    expect(kds.diagnosticsCalls).toBe(2)
    expect(text(wrapper.get('[data-testid="diag-reconnects"]').text())).toBe(
      '5, из них без потерь: 3',
    )
    await vi.advanceTimersByTimeAsync(3_000)
    expect(kds.diagnosticsCalls).toBe(3)
    wrapper.unmount()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(kds.diagnosticsCalls).toBe(3)
  })

  it('exports to a file and shows its path', async () => {
    const wrapper = await panel()
    expect(wrapper.find('[data-testid="diagnostics-path"]').exists()).toBe(false)
    const button = wrapper.get('[data-testid="export-diagnostics"]')
    expect(button.text()).toBe('Экспортировать диагностику')
    await button.trigger('click')
    await flushPromises()
    expect(kds.exports).toBe(1)
    expect(wrapper.get('[data-testid="diagnostics-path"]').text()).toBe(
      '/var/lib/kds/diagnostics-test.json',
    )
  })

  it('says why the export failed', async () => {
    kds.refuseExportWith = 'ENOSPC: no space left on device'
    const wrapper = await panel()
    await wrapper.get('[data-testid="export-diagnostics"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="diagnostics-path"]').exists()).toBe(false)
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Не удалось сохранить: ENOSPC: no space left on device',
    )
  })

  it('keeps the last report and says so when a refresh fails', async () => {
    const wrapper = await panel()
    kds.diagnostics = () => Promise.reject(new Error('the display shell did not answer'))
    await useDiagnosticsStore().refresh()
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('the display shell did not answer')
    expect(wrapper.get('[data-testid="diag-version"]').text()).toBe('0.4.1')
  })

  it('speaks English', async () => {
    kds.currentSettings = settingsView({ language: 'en' })
    await useSettingsStore().start(kds)
    const wrapper = await panel('en')
    expect(wrapper.get('h1').text()).toBe('Diagnostics')
    expect(text(wrapper.get('[data-testid="diag-uptime"]').text())).toBe(
      '2 h 5 min (started 09:00)',
    )
    expect(wrapper.get('[data-testid="diag-journal-size"]').text()).toBe('1.5 MB')
    expect(wrapper.get('[data-testid="export-diagnostics"]').text()).toBe('Export diagnostics')
  })

  it('goes back to the settings, or closes', async () => {
    const wrapper = await panel()
    await wrapper.get('[data-testid="diagnostics-back"]').trigger('click')
    await wrapper.get('[data-testid="diagnostics-close"]').trigger('click')
    expect(wrapper.emitted('back')).toHaveLength(1)
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
