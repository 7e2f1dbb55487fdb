import { describe, expect, it } from 'vitest'
import {
  isAppUrl,
  isHttpUrl,
  rendererLocation,
  type RendererLocation,
} from '../../../electron/main/renderer-location'

const file: RendererLocation = { kind: 'file', path: '/app/out/renderer/index.html' }
const dev: RendererLocation = { kind: 'dev', url: 'http://localhost:5173/' }

describe('rendererLocation', () => {
  it('loads the built file, or the dev server only in an unpackaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }
    expect(rendererLocation(false, env, '/x/index.html')).toEqual(dev)
    expect(rendererLocation(true, env, '/x/index.html')).toEqual({
      kind: 'file',
      path: '/x/index.html',
    })
    expect(rendererLocation(false, {}, '/x/index.html')).toEqual({
      kind: 'file',
      path: '/x/index.html',
    })
  })

  it('ignores a dev URL that is not http(s)', () => {
    const env = { ELECTRON_RENDERER_URL: 'file:///tmp/evil.html' }
    expect(rendererLocation(false, env, '/x/index.html').kind).toBe('file')
  })
})

describe('isAppUrl', () => {
  it.each([
    [file, 'file:///app/out/renderer/index.html', true],
    [file, 'file:///app/out/renderer/index.html#/settings', true],
    [file, 'file:///app/out/renderer/index.html?lang=en', true],
    [file, 'file:///app/out/renderer/other.html', false],
    [file, 'file://host/app/out/renderer/index.html', false],
    [file, 'https://app/out/renderer/index.html', false],
    [file, 'not a url', false],
    [dev, 'http://localhost:5173/#/board', true],
    [dev, 'http://localhost:5174/', false],
    [dev, 'https://localhost:5173/', false],
  ] as const)('%o: %s → %s', (location, url, expected) => {
    expect(isAppUrl(location, url)).toBe(expected)
  })
})

describe('isHttpUrl', () => {
  it('accepts only http and https', () => {
    expect(isHttpUrl('https://example.com')).toBe(true)
    expect(isHttpUrl('http://example.com')).toBe(true)
    expect(isHttpUrl('ftp://example.com')).toBe(false)
    expect(isHttpUrl('javascript:alert(1)')).toBe(false)
    expect(isHttpUrl('')).toBe(false)
  })
})
