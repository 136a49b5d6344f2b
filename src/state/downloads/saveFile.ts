/** Hands data the page already holds to the browser as a download (the one place that makes object URLs for saving). */
export function saveBlob(data: Blob | string | BufferSource, filename: string, type = 'application/octet-stream'): void {
  const blob = data instanceof Blob ? data : new Blob([data], { type })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // the download has its own copy once it started; a large file may take the browser a while to pick up
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
