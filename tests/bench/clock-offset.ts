// How far another process's anchored clock is from ours. Each process anchors its clock to the
// wall clock when it starts measuring (clock.ts), and those anchors were seen to disagree by
// several milliseconds on a busy machine (a latency p50 of -3.9 ms, the page's clock behind the
// server's): so every clock that times an event is also compared with the server's around the
// run, by a round trip, and its times are taken back onto the server's clock.

/** The other clock minus ours, and the round trip it was read in (the error is at most half). */
export interface ClockOffset {
  offsetMs: number
  roundTripMs: number
}

const SAMPLES = 25

/** Reads `theirs` between two readings of `ours`; keeps the exchange with the shortest trip. */
export async function clockOffset(
  ours: () => number,
  theirs: () => Promise<number>,
): Promise<ClockOffset> {
  let best: ClockOffset = { offsetMs: 0, roundTripMs: Infinity }
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const sent = ours()
    const their = await theirs()
    const back = ours()
    if (back - sent < best.roundTripMs) {
      best = { offsetMs: their - (sent + back) / 2, roundTripMs: back - sent }
    }
  }
  return best
}

/** The offsets before and after a run, and the one to correct its times by: their mean. */
export interface ClockCheck {
  before: ClockOffset
  after: ClockOffset
  offsetMs: number
}

export const clockCheck = (before: ClockOffset, after: ClockOffset): ClockCheck => ({
  before,
  after,
  offsetMs: (before.offsetMs + after.offsetMs) / 2,
})
