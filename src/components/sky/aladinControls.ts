/**
 * Accessible names for Aladin Lite's own controls (zoom buttons, icons, logo), which it creates
 * without any: labelled when they appear, as Aladin adds some of them later.
 */
const NAMES: [string, string][] = [
  ['aladin-zoom-in', 'Zoom the sky in'],
  ['aladin-zoom-out', 'Zoom the sky out'],
  ['aladin-fullScreen-btn', 'Full screen'],
  ['aladin-grid-control', 'Coordinate grid'],
  ['aladin-projection-control', 'Projection'],
]

function nameOf(el: Element): string {
  for (const [cls, name] of NAMES) if (el.classList.contains(cls) || el.closest(`.${cls}`)) return name
  const tip = el.closest('.aladin-tooltip-container')?.querySelector('.aladin-tooltip')?.textContent?.trim()
  return tip || el.getAttribute('title') || 'Sky viewer control'
}

/** Names what has none in `root` now; returns the cleanup. */
export function labelAladinControls(root: HTMLElement): () => void {
  const label = () => {
    for (const b of root.querySelectorAll('button, [role="button"], .aladin-btn, input, select')) {
      if (!b.getAttribute('aria-label') && !b.textContent?.trim()) b.setAttribute('aria-label', nameOf(b))
    }
    for (const img of root.querySelectorAll('img:not([alt])')) {
      // icons inside a named control are decoration
      img.setAttribute('alt', img.closest('button, .aladin-btn, a') ? '' : 'Aladin Lite')
    }
    for (const a of root.querySelectorAll('a')) {
      if (!a.getAttribute('aria-label') && !a.textContent?.trim()) a.setAttribute('aria-label', 'Aladin Lite (its website)')
    }
  }
  label()
  const observer = new MutationObserver(label)
  observer.observe(root, { childList: true, subtree: true })
  return () => observer.disconnect()
}
