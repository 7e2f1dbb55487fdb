import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  contentTypeOf,
  rendererProblem,
  resolveFile,
} from '../../../electron/web/static-files'

let base: string
let root: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'kds-static-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html>')
  writeFileSync(join(root, 'assets', 'app.js'), '')
  writeFileSync(join(base, 'secret.txt'), 'the token')
  // A sibling whose name starts like the root: a prefix check alone would let it through.
  mkdirSync(join(base, 'renderer-evil'))
  writeFileSync(join(base, 'renderer-evil', 'x.js'), '')
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'))
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('resolveFile', () => {
  it('finds the files of the build, index.html for /', async () => {
    expect(await resolveFile(root, '/')).toMatch(/index\.html$/)
    expect(await resolveFile(root, '/assets/app.js')).toMatch(/assets[/\\]app\.js$/)
    expect(await resolveFile(root, '/assets/%61pp.js')).toMatch(/app\.js$/)
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/../renderer-evil/x.js',
    '/assets/link.txt',
    '/assets/app.js%00.html',
    '/%E0%A4%A',
    '/assets',
    '/assets/',
    '/missing.js',
    'secret.txt',
  ])('refuses %s', async (path) => {
    expect(await resolveFile(root, path)).toBeNull()
  })
})

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.unknown', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s is %s', (file, type) => expect(contentTypeOf(file)).toBe(type))
})

describe('rendererProblem', () => {
  it('tells to build when index.html is missing', () => {
    expect(rendererProblem(root)).toBeNull()
    expect(rendererProblem(join(base, 'nowhere'))).toMatch(/run npm run build first/)
  })
})

it('the CSP is the one the issue fixes', () => {
  expect(CONTENT_SECURITY_POLICY).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
      "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
  )
})
