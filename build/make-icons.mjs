// Renders the app icon for every installer: build/icons/NxN.png (Linux), build/icon.ico (Windows),
// build/icon.icns (macOS) and build/icon.png, from icon.svg (icon-small.svg at 32 px and less).
// Run with `npm run icons` after changing an SVG, and commit the output: the installers read the
// files, not the SVGs. Offline and the same on every OS: resvg as WebAssembly, and the .ico and
// .icns containers written here (both are a header, a directory and the images).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg, initWasm } from '@resvg/resvg-wasm'

const BUILD = dirname(fileURLToPath(import.meta.url))

/** Every size an installer or desktop asks for. */
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

/** The sizes packed into the .ico (Windows shows 256 at most). */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

/** The .icns entries: the OSType macOS reads for each size (the @2x ones are the ic1x types). */
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
]

/** Renders the right SVG at `size` px; the image has `.asPng()` and premultiplied `.pixels`. */
function render(size) {
  const source = size <= 32 ? 'icon-small.svg' : 'icon.svg'
  const svg = readFileSync(join(BUILD, source), 'utf8')
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render()
}

/**
 * A 32-bit BMP as an .ico stores it: BITMAPINFOHEADER (height doubled for the mask), straight
 * (not premultiplied) BGRA rows bottom-up, then an all-zero AND mask. Sizes under 256 are stored
 * so rather than as PNG, which older Windows shells and NSIS's icon reader refuse.
 */
function icoBitmap(image) {
  const { width, height, pixels } = image
  const maskRow = Math.ceil(width / 32) * 4
  const header = Buffer.alloc(40)
  header.writeUInt32LE(40, 0)
  header.writeInt32LE(width, 4)
  header.writeInt32LE(height * 2, 8)
  header.writeUInt16LE(1, 12)
  header.writeUInt16LE(32, 14)
  header.writeUInt32LE(width * height * 4 + maskRow * height, 20)
  const body = Buffer.alloc(width * height * 4)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const from = (y * width + x) * 4
      const to = ((height - 1 - y) * width + x) * 4
      const alpha = pixels[from + 3]
      const straight = (channel) => (alpha === 0 ? 0 : Math.round((channel * 255) / alpha))
      body[to] = straight(pixels[from + 2])
      body[to + 1] = straight(pixels[from + 1])
      body[to + 2] = straight(pixels[from])
      body[to + 3] = alpha
    }
  }
  return Buffer.concat([header, body, Buffer.alloc(maskRow * height)])
}

/** An .ico: ICONDIR, one 16-byte entry per image, then the images. */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  const blobs = images.map((image, index) => {
    const blob = image.width >= 256 ? Buffer.from(image.asPng()) : icoBitmap(image)
    const entry = 6 + 16 * index
    header.writeUInt8(image.width >= 256 ? 0 : image.width, entry)
    header.writeUInt8(image.height >= 256 ? 0 : image.height, entry + 1)
    header.writeUInt16LE(1, entry + 4)
    header.writeUInt16LE(32, entry + 6)
    header.writeUInt32LE(blob.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += blob.length
    return blob
  })
  return Buffer.concat([header, ...blobs])
}

/** An .icns: 'icns' and the total length, then each entry as OSType, length and PNG data. */
function icns(pngBySize) {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size)
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(8 + entries.reduce((sum, entry) => sum + entry.length, 0), 4)
  return Buffer.concat([head, ...entries])
}

async function main() {
  const require = createRequire(import.meta.url)
  await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')))
  const images = new Map(SIZES.map((size) => [size, render(size)]))
  const pngs = new Map([...images].map(([size, image]) => [size, Buffer.from(image.asPng())]))
  mkdirSync(join(BUILD, 'icons'), { recursive: true })
  for (const [size, png] of pngs) writeFileSync(join(BUILD, 'icons', `${size}x${size}.png`), png)
  writeFileSync(join(BUILD, 'icon.png'), pngs.get(1024))
  writeFileSync(join(BUILD, 'icon.ico'), ico(ICO_SIZES.map((size) => images.get(size))))
  writeFileSync(join(BUILD, 'icon.icns'), icns(pngs))
  console.log(`icons: ${SIZES.join(', ')} px into ${BUILD}`)
}

await main()
