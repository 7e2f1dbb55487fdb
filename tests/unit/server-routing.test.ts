import { describe, expect, it } from 'vitest'
import { receivesOrder, roomsForOrder, roomsForUser } from '../../electron/server/routing'
import type { Role } from '../../electron/server/users'

const CLIENT = '4920737570657261646d696e'
const OTHER = '5f0000000000000000000009'

describe('routing rule', () => {
  it('sends every order to ADMIN and WATCHER', () => {
    expect(receivesOrder({ id: OTHER, role: 'ADMIN' }, CLIENT)).toBe(true)
    expect(receivesOrder({ id: OTHER, role: 'WATCHER' }, CLIENT)).toBe(true)
  })

  it('sends an order to the USER who placed it, and to no other USER', () => {
    expect(receivesOrder({ id: CLIENT, role: 'USER' }, CLIENT)).toBe(true)
    expect(receivesOrder({ id: OTHER, role: 'USER' }, CLIENT)).toBe(false)
  })

  it('puts sockets in rooms that match the rule exactly', () => {
    const roles: Role[] = ['ADMIN', 'WATCHER', 'USER']
    for (const role of roles) {
      for (const id of [CLIENT, OTHER]) {
        const user = { id, role }
        const shared = roomsForUser(user).filter((room) => roomsForOrder(CLIENT).includes(room))
        expect(shared.length > 0, `${role} ${id}`).toBe(receivesOrder(user, CLIENT))
      }
    }
  })

  it('names the rooms by role and by user', () => {
    expect(roomsForOrder(CLIENT)).toEqual(['role:ADMIN', 'role:WATCHER', `user:${CLIENT}`])
    expect(roomsForUser({ id: CLIENT, role: 'USER' })).toEqual([`user:${CLIENT}`])
    expect(roomsForUser({ id: OTHER, role: 'WATCHER' })).toEqual([`user:${OTHER}`, 'role:WATCHER'])
  })
})
