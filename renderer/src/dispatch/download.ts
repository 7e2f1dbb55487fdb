// Offers text as a file download, the way a browser and Electron both understand: a Blob URL on
// a link with `download`. Electron's main process saves it (security.ts, will-download).

/** Downloads `text` as `filename`. The text is expected to carry its own BOM when it needs one. */
export function downloadText(
  filename: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by now; the URL is freed once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
