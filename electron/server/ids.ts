// Order ids shaped like MongoDB ObjectIds, as the real backend sends them: 24 hex digits made of
// the creation second, a per-server random part and a counter, so ids stay unique and sortable
// even when the injected random source repeats itself.
import { hexDigits, type Random } from './random'

const COUNTER_MODULO = 0x1000000

/** Returns a generator of fresh 24-hex ids. */
export function createIdGenerator(now: () => number, random: Random): () => string {
  const serverPart = hexDigits(random, 10)
  let counter = Math.floor(random() * COUNTER_MODULO)
  return () => {
    counter = (counter + 1) % COUNTER_MODULO
    const seconds = Math.floor(now() / 1000) % 0x100000000
    return (
      seconds.toString(16).padStart(8, '0') + serverPart + counter.toString(16).padStart(6, '0')
    )
  }
}
