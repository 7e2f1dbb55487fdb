// @vitest-environment jsdom
// «Цеха и экраны»: the stations editor (its draft rules alone, then the component saving through
// the settings), the hub's addresses, pairing code and paired screens with revoke.
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import type { Station } from '../../../electron/common/stations'
import HubDevices from '../../../renderer/src/hub/HubDevices.vue'
import { useHubStore } from '../../../renderer/src/hub/hub-store'
import StationsEditor from '../../../renderer/src/hub/StationsEditor.vue'
import {
  addStation,
  assignProduct,
  draftsOf,
  pickedStation,
  removeStation,
  stationsOf,
} from '../../../renderer/src/hub/stations-form'
import { useSettingsStore } from '../../../renderer/src/stores/settings'
import { FakeKds, settingsView } from './fake-kds'
import { freshPinia, mountWith } from './mount'

const STATIONS: Station[] = [
  { id: 'hot', name: 'Горячий цех', match: ['суп', 'p-borsch'], next: 'pack' },
  { id: 'cold', name: 'Холодный цех', match: ['ролл'] },
  { id: 'pack', name: 'Упаковка', match: [] },
]

let pinia: Pinia
let kds: FakeKds

beforeEach(() => {
  pinia = freshPinia()
  kds = new FakeKds()
  kds.currentSettings = settingsView({ stations: STATIONS, defaultStation: 'cold' })
  kds.currentStations = {
    stations: STATIONS,
    defaultStation: 'cold',
    products: [
      { _id: 'p-borsch', title: 'Борщ', station: 'hot' },
      { _id: 'p-water', title: 'Вода', station: 'cold' },
    ],
  }
})

async function started() {
  await useSettingsStore().start(kds)
  useHubStore().start(kds)
  await useHubStore().refresh()
}

describe('the stations draft', () => {
  it('puts a product on one station only, or back to the rules', () => {
    let drafts = draftsOf(STATIONS)
    drafts = assignProduct(drafts, 'p-borsch', 'cold')
    expect(pickedStation(drafts, 'p-borsch')).toBe('cold')
    expect(drafts.find((draft) => draft.id === 'hot')?.match).toEqual(['суп'])
    drafts = assignProduct(drafts, 'p-borsch', null)
    expect(pickedStation(drafts, 'p-borsch')).toBeNull()
  })

  it('removing a station ends the line that passed tickets on to it', () => {
    const drafts = removeStation(draftsOf(STATIONS), 'pack')
    expect(drafts.map((draft) => [draft.id, draft.next])).toEqual([
      ['hot', null],
      ['cold', null],
    ])
  })

  it('adds stations with ids no other has, and names what is wrong before saving', () => {
    const drafts = addStation(addStation(draftsOf(STATIONS), 'Пицца'), 'Суши')
    expect(drafts.slice(-2).map((draft) => draft.id)).toEqual(['station-4', 'station-5'])
    const same = drafts.map((draft) => (draft.id === 'station-5' ? { ...draft, id: 'hot' } : draft))
    const refused = stationsOf(same)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.reason).toContain('"hot" twice')
    const circle = draftsOf(STATIONS).map((draft) =>
      draft.id === 'pack' ? { ...draft, next: 'hot' } : draft,
    )
    const round = stationsOf(circle)
    expect(round.ok ? '' : round.reason).toContain('circle')
  })
})

describe('the stations editor', () => {
  it('lists the products with a station picker, and saves stations and the default', async () => {
    await started()
    const wrapper = mountWith(StationsEditor, pinia)
    await flushPromises()
    expect(wrapper.findAll('[data-testid="station-row"]')).toHaveLength(3)
    const water = wrapper.get('[data-product-id="p-water"] [data-testid="product-station"]')
    // Water is on no station by its id: the rules put it on the default.
    expect((water.element as HTMLSelectElement).value).toBe('')
    expect(water.text()).toContain('по правилам: Холодный цех')
    await water.setValue('hot')

    await wrapper.findAll('[data-testid="station-name"]')[1]?.setValue('Холодный')
    await wrapper.get('[data-testid="station-add"]').trigger('click')
    const rows = wrapper.findAll('[data-testid="station-row"]')
    expect(rows).toHaveLength(4)
    await rows[3]?.get('[data-testid="station-id"]').setValue('pizza')
    await rows[3]?.get('[data-testid="station-name"]').setValue('Пицца')
    await wrapper.get('[data-testid="default-station"]').setValue('pizza')
    await wrapper.get('[data-testid="stations-save"]').trigger('click')
    await flushPromises()

    expect(kds.updates.at(-1)).toEqual({
      stations: [
        { id: 'hot', name: 'Горячий цех', match: ['суп', 'p-borsch', 'p-water'], next: 'pack' },
        { id: 'cold', name: 'Холодный', match: ['ролл'] },
        { id: 'pack', name: 'Упаковка', match: [] },
        { id: 'pizza', name: 'Пицца', match: [] },
      ],
      defaultStation: 'pizza',
    })
    expect(wrapper.get('[data-testid="stations-message"]').text()).toBe('Цеха сохранены')
  })

  it('says why stations are refused, naming the field, and sends nothing', async () => {
    await started()
    const wrapper = mountWith(StationsEditor, pinia)
    await flushPromises()
    await wrapper.findAll('[data-testid="station-name"]')[0]?.setValue('  ')
    await wrapper.get('[data-testid="stations-save"]').trigger('click')
    await flushPromises()
    expect(kds.updates).toEqual([])
    expect(wrapper.get('[data-testid="stations-message"]').text()).toContain('[0].name')
  })

  it('is read-only when the managed configuration sets the stations', async () => {
    kds.currentSettings = { ...kds.currentSettings, managed: ['stations'] }
    await started()
    const wrapper = mountWith(StationsEditor, pinia)
    await flushPromises()
    expect(wrapper.get('fieldset').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="stations-save"]').attributes('disabled')).toBeDefined()
  })
})

describe("the hub's screens", () => {
  it('shows the addresses and the pairing code, lists the devices, and revokes one', async () => {
    kds.currentHub = {
      lan: true,
      addresses: ['http://192.168.1.20:5173/'],
      port: 5173,
      pairingCode: '042917',
      pinnedRole: null,
    }
    kds.currentDevices = [
      {
        id: 'dev-1',
        name: 'Планшет у плиты',
        role: 'station:hot',
        pinnedRole: null,
        address: '192.168.1.31',
        lastSeenAt: 1_000,
        connected: true,
      },
      {
        id: 'dev-2',
        name: 'Телевизор на раздаче',
        role: 'expo',
        pinnedRole: null,
        address: '192.168.1.40',
        lastSeenAt: 2_000,
        connected: false,
      },
    ]
    await started()
    const wrapper = mountWith(HubDevices, pinia)
    await flushPromises()
    expect(wrapper.get('[data-testid="hub-pairing-code"]').text()).toBe('042917')
    expect(wrapper.get('[data-testid="hub-addresses"]').text()).toBe('http://192.168.1.20:5173/')
    const rows = wrapper.findAll('[data-testid="device-row"]')
    expect(rows.map((row) => row.text())).toEqual([
      expect.stringContaining('Цех: Горячий цех'),
      expect.stringContaining('Раздача'),
    ])
    expect(rows[0]?.text()).toContain('на связи')
    expect(rows[0]?.text()).toContain('192.168.1.31')
    await rows[0]?.get('[data-testid="device-revoke"]').trigger('click')
    await flushPromises()
    expect(kds.revoked).toEqual(['dev-1'])
    expect(wrapper.findAll('[data-testid="device-row"]')).toHaveLength(1)
  })

  it('follows what the hub pushes: a new pairing code, a screen that connected', async () => {
    kds.currentHub = {
      lan: true,
      addresses: [],
      port: 5173,
      pairingCode: '111111',
      pinnedRole: null,
    }
    await started()
    const wrapper = mountWith(HubDevices, pinia)
    await flushPromises()
    kds.push({ type: 'hub', hub: { ...kds.currentHub, pairingCode: '222222' } })
    kds.push({
      type: 'devices',
      devices: [
        {
          id: 'dev-3',
          name: 'Упаковка',
          role: 'station:pack',
          pinnedRole: null,
          address: '192.168.1.50',
          lastSeenAt: 3_000,
          connected: true,
        },
      ],
    })
    await flushPromises()
    expect(wrapper.get('[data-testid="hub-pairing-code"]').text()).toBe('222222')
    expect(wrapper.get('[data-testid="device-row"]').text()).toContain('Цех: Упаковка')
  })

  it("turns the Electron app's local network on, unless it is managed", async () => {
    await started()
    const wrapper = mountWith(HubDevices, pinia)
    await flushPromises()
    await wrapper.get('[data-testid="choice-lan"] input[type="radio"]').setValue(true)
    await flushPromises()
    expect(kds.updates).toEqual([{ lan: true }])
    wrapper.unmount()
    kds.currentSettings = { ...kds.currentSettings, managed: ['lan'] }
    await useSettingsStore().start(kds)
    const managed = mountWith(HubDevices, pinia)
    expect(managed.get('[data-testid="choice-lan"]').attributes('disabled')).toBeDefined()
  })

  it('says the hub serves this computer only without the network, and shows no code', async () => {
    await started()
    const wrapper = mountWith(HubDevices, pinia)
    await flushPromises()
    expect(wrapper.find('[data-testid="hub-lan-off"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="hub-pairing-code"]').exists()).toBe(false)
  })
})
