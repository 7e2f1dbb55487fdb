// Writes renderer/src/kitchen/chime.wav: the new-order alert, a soft two-note bell (A5 then E6)
// with a few inharmonic partials and an exponential decay. Pure JavaScript, no downloads: run
// `node build/make-chime.mjs` after changing it, and commit the WAV (the renderer bundles the file).
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../renderer/src/kitchen/chime.wav')
const RATE = 22_050
const SECONDS = 1.4

/** One bell strike: partials as [ratio, amplitude, decay per second]. */
const PARTIALS = [
  [1, 1, 3.2],
  [2, 0.35, 5],
  [2.76, 0.12, 7],
  [5.4, 0.05, 11],
]
const NOTES = [
  { at: 0, freq: 880, gain: 0.55 },
  { at: 0.32, freq: 1318.5, gain: 0.5 },
]

const samples = new Float64Array(Math.round(RATE * SECONDS))
for (const note of NOTES) {
  const start = Math.round(note.at * RATE)
  for (let i = start; i < samples.length; i += 1) {
    const t = (i - start) / RATE
    // A 4 ms attack avoids the click of a sudden start.
    const attack = Math.min(1, t / 0.004)
    let value = 0
    for (const [ratio, amplitude, decay] of PARTIALS) {
      value += amplitude * Math.exp(-decay * t) * Math.sin(2 * Math.PI * note.freq * ratio * t)
    }
    samples[i] += note.gain * attack * value
  }
}
// Fade the last 50 ms to silence, then normalise to -3 dBFS.
const fade = Math.round(0.05 * RATE)
for (let i = 0; i < fade; i += 1) samples[samples.length - 1 - i] *= i / fade
const peak = samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0)
const scale = (0.707 * 32_767) / peak

const data = Buffer.alloc(samples.length * 2)
samples.forEach((s, i) => data.writeInt16LE(Math.round(s * scale), i * 2))
const header = Buffer.alloc(44)
header.write('RIFF', 0)
header.writeUInt32LE(36 + data.length, 4)
header.write('WAVE', 8)
header.write('fmt ', 12)
header.writeUInt32LE(16, 16) // PCM chunk size
header.writeUInt16LE(1, 20) // PCM
header.writeUInt16LE(1, 22) // mono
header.writeUInt32LE(RATE, 24)
header.writeUInt32LE(RATE * 2, 28) // bytes per second
header.writeUInt16LE(2, 32) // block align
header.writeUInt16LE(16, 34) // bits per sample
header.write('data', 36)
header.writeUInt32LE(data.length, 40)
writeFileSync(OUT, Buffer.concat([header, data]))
console.log(`wrote ${OUT} (${44 + data.length} bytes)`)
