import { describe, expect, it } from 'vitest'
import { findElectronRuntime, type RuntimeProbe } from '../../../electron/start/runtime'

const PACKAGE = '/project/node_modules/electron'

function probe(files: Record<string, string>, installed = true): RuntimeProbe {
  return {
    resolve: (id) => {
      if (!installed) throw new Error(`Cannot find module '${id}'`)
      return `${PACKAGE}/package.json`
    },
    exists: (path) => path in files,
    read: (path) => files[path] ?? '',
  }
}

describe('findElectronRuntime', () => {
  it('finds the binary named by path.txt inside dist', () => {
    const files = { [`${PACKAGE}/path.txt`]: 'electron\n', [`${PACKAGE}/dist/electron`]: '' }
    expect(findElectronRuntime('/project', probe(files), {})).toEqual({
      installed: true,
      binary: `${PACKAGE}/dist/electron`,
    })
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const files = { [`${PACKAGE}/path.txt`]: 'electron', '/opt/electron/electron': '' }
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }
    expect(findElectronRuntime('/project', probe(files), env)).toEqual({
      installed: true,
      binary: '/opt/electron/electron',
    })
  })

  it('says why when the package, its path.txt or its binary is missing', () => {
    expect(findElectronRuntime('/project', probe({}, false), {})).toEqual({
      installed: false,
      reason: 'the electron package is not installed',
      packageDir: null,
    })
    expect(findElectronRuntime('/project', probe({}), {})).toEqual({
      installed: false,
      reason: `${PACKAGE}/dist is missing`,
      packageDir: PACKAGE,
    })
    expect(
      findElectronRuntime('/project', probe({ [`${PACKAGE}/path.txt`]: 'electron' }), {}),
    ).toEqual({
      installed: false,
      reason: `${PACKAGE}/dist/electron is missing`,
      packageDir: PACKAGE,
    })
  })
})
