import { describe, expect, it } from 'vitest'
import { bearerToken, handshakeToken } from '../../electron/server/auth'

describe('tokens', () => {
  it('reads a bearer header, case-insensitively, and nothing else', () => {
    expect(bearerToken('Bearer demo-admin')).toBe('demo-admin')
    expect(bearerToken('bearer   demo-admin  ')).toBe('demo-admin')
    expect(bearerToken('Basic ZGVtbzpkZW1v')).toBeUndefined()
    expect(bearerToken('Bearer two words')).toBeUndefined()
    expect(bearerToken('Bearer ')).toBeUndefined()
    expect(bearerToken(['Bearer a', 'Bearer b'])).toBeUndefined()
    expect(bearerToken(undefined)).toBeUndefined()
  })

  it('prefers auth.token, then falls back to the header', () => {
    const headers = { authorization: 'Bearer from-header' }
    expect(handshakeToken({ auth: { token: 'from-auth' }, headers })).toBe('from-auth')
    expect(handshakeToken({ auth: {}, headers })).toBe('from-header')
    expect(handshakeToken({ auth: { token: '' }, headers })).toBe('from-header')
    expect(handshakeToken({ auth: { token: 42 }, headers })).toBe('from-header')
    expect(handshakeToken({ auth: {}, headers: {} })).toBeUndefined()
  })
})
