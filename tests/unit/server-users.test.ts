import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  loadUsersFile,
  parseUsersFile,
  UserDirectory,
} from '../../electron/server/users'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/server/${name}`, import.meta.url))

describe('users file', () => {
  it('accepts a valid file', async () => {
    const loaded = await loadUsersFile(fixture('users.json'))
    expect(loaded).toEqual({
      ok: true,
      value: [
        {
          id: '5f0000000000000000000001',
          token: 'kitchen-1',
          role: 'WATCHER',
          name: 'Кухня, зал 1',
        },
        { id: '5f0000000000000000000002', token: 'dispatcher', role: 'ADMIN' },
        {
          id: '5f0000000000000000000003',
          token: 'client-anna',
          role: 'USER',
          name: 'Анна Петрова',
        },
      ],
    })
  })

  it('names the field of a bad role', () => {
    const parsed = parseUsersFile(readFileSync(fixture('users-bad-role.json'), 'utf8'))
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(/^users\[2\]\.role: /)
  })

  it('names the file when loading fails', async () => {
    const loaded = await loadUsersFile(fixture('users-bad-role.json'))
    expect(loaded.ok).toBe(false)
    if (!loaded.ok) expect(loaded.reason).toMatch(/users-bad-role\.json: users\[2\]\.role: /)
    const missing = await loadUsersFile(fixture('no-such-file.json'))
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.reason).toMatch(/^cannot read .*no-such-file\.json/)
  })

  it.each([
    ['not JSON', '{ users: [', /^not valid JSON/],
    ['not an object', '[]', /^expected an object, received an array/],
    ['missing users', '{}', /^users: /],
    ['unknown key', '{"users": [], "admins": []}', /admins/],
    [
      'a token with spaces',
      '{"users": [{"id": "a1", "token": "two words", "role": "USER"}]}',
      /^users\[0\]\.token: may not contain spaces/,
    ],
    [
      'a bad id',
      '{"users": [{"id": "no/slashes", "token": "t", "role": "USER"}]}',
      /^users\[0\]\.id: /,
    ],
    [
      "a demo user's token",
      '{"users": [{"id": "a1", "token": "demo-admin", "role": "USER"}]}',
      /^users\[0\]\.token: repeats the token of a built-in demo user/,
    ],
    [
      'a repeated token',
      '{"users": [{"id": "a1", "token": "t", "role": "USER"}, {"id": "a2", "token": "t", "role": "ADMIN"}]}',
      /^users\[1\]\.token: repeats the token of users\[0\]/,
    ],
    [
      'a repeated id',
      '{"users": [{"id": "a1", "token": "t1", "role": "USER"}, {"id": "a1", "token": "t2", "role": "USER"}]}',
      /^users\[1\]\.id: repeats the id of users\[0\]/,
    ],
  ])('refuses %s', (_name, text, reason) => {
    const parsed = parseUsersFile(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(reason)
  })
})

describe('demo users', () => {
  it('has one user of each role, the client being the spec example’s', () => {
    const users = new UserDirectory(DEMO_USERS)
    expect(users.byToken('demo-admin')?.role).toBe('ADMIN')
    expect(users.byToken('demo-watcher')?.role).toBe('WATCHER')
    expect(users.byToken('demo-client')).toMatchObject({
      role: 'USER',
      id: '4920737570657261646d696e',
    })
    expect(users.byToken('nobody')).toBeUndefined()
    expect(users.byToken(undefined)).toBeUndefined()
  })
})
