// The installers' icons (made by build/make-icons.mjs and committed): every size each target asks
// for, in containers that Windows and macOS can read, at the paths electron-builder.yml names.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './packaging-setup'

const BUILD = join(ROOT, 'build')
const PNG_SIGNATURE = '89504e470d0a1a0a'

/** Width, height and colour type of a PNG, from its IHDR chunk. */
function pngHeader(png: Buffer): { width: number; height: number; colorType: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE)
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png[25] ?? -1 }
}

describe('the icons', () => {
  it('are RGBA PNGs at every size from 16 to 1024 px for Linux', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(join(BUILD, 'icons', `${size}x${size}.png`))
      expect(pngHeader(png)).toEqual({ width: size, height: size, colorType: 6 })
    }
    expect(pngHeader(readFileSync(join(BUILD, 'icon.png')))).toMatchObject({ width: 1024 })
  })

  it('are a Windows .ico of 16 to 256 px: 32-bit bitmaps, and a PNG at 256', () => {
    const ico = readFileSync(join(BUILD, 'icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const count = ico.readUInt16LE(4)
    const sizes: number[] = []
    for (let index = 0; index < count; index += 1) {
      const entry = 6 + 16 * index
      const size = ico[entry] === 0 ? 256 : (ico[entry] ?? -1)
      const image = ico
        .subarray(ico.readUInt32LE(entry + 12))
        .subarray(0, ico.readUInt32LE(entry + 8))
      sizes.push(size)
      if (size === 256) {
        expect(pngHeader(image)).toMatchObject({ width: 256, height: 256 })
      } else {
        // BITMAPINFOHEADER: its size, the width, twice the height (image and mask), 32 bits.
        expect([image.readUInt32LE(0), image.readInt32LE(4), image.readInt32LE(8)]).toEqual([
          40,
          size,
          size * 2,
        ])
        expect(image.readUInt16LE(14)).toBe(32)
      }
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256])
  })

  it('are a macOS .icns with every point size at 1x and 2x', () => {
    const icns = readFileSync(join(BUILD, 'icon.icns'))
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const found: Record<string, number> = {}
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      const type = icns.subarray(offset, offset + 4).toString('latin1')
      const png = icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4))
      found[type] = pngHeader(png).width
    }
    expect(found).toEqual({
      icp4: 16,
      icp5: 32,
      ic11: 32,
      ic12: 64,
      ic07: 128,
      ic13: 256,
      ic08: 256,
      ic14: 512,
      ic09: 512,
      ic10: 1024,
    })
  })

  it('are where electron-builder.yml looks for them', () => {
    const config = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
    const paths = [...config.matchAll(/^\s+icon: (\S+)$/gm)].map((match) => match[1] ?? '')
    expect(paths.sort()).toEqual(['build/icon.icns', 'build/icon.ico', 'build/icons'])
    for (const path of paths) expect(existsSync(join(ROOT, path))).toBe(true)
  })
})
