// The next frame of the screen, for work that should be done once per frame however many events
// came in it. A hidden page gets no frames (the browser stops them), so a timer stands in after a
// while: what it draws must still be current when it is shown again.

/** Where no frame comes for this long (a hidden page), the work is done anyway. */
export const FRAME_FALLBACK_MS = 100

/** Runs `work` once, just before the next frame is drawn (or after FRAME_FALLBACK_MS, or in the
 * next task where there are no frames at all); returns the function that cancels it. */
export function atNextFrame(work: () => void): () => void {
  let frame: number | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const cancel = () => {
    if (frame !== null) cancelAnimationFrame(frame)
    if (timer !== null) clearTimeout(timer)
    frame = null
    timer = null
  }
  const run = () => {
    cancel()
    work()
  }
  const frames = typeof requestAnimationFrame === 'function'
  if (frames) frame = requestAnimationFrame(run)
  timer = setTimeout(run, frames ? FRAME_FALLBACK_MS : 0)
  return cancel
}
