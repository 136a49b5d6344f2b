/** uPlot interaction shared by the plots: wheel zoom around the cursor, Shift-drag pan, and programmatic zoom/pan steps. */
import type uPlot from 'uplot'

/** Mouse-wheel zoom around the cursor on the x axis (uPlot does drag-zoom itself). */
export function wheelZoom(): uPlot.Plugin {
  return {
    hooks: {
      ready: (u) => {
        u.over.addEventListener(
          'wheel',
          (e) => {
            e.preventDefault()
            const { left } = u.cursor
            if (left === undefined || left < 0) return
            const xv = u.posToVal(left, 'x')
            const { min, max } = u.scales.x
            if (min === undefined || max === undefined) return
            const f = e.deltaY < 0 ? 0.8 : 1.25
            u.setScale('x', { min: xv - (xv - min) * f, max: xv + (max - xv) * f })
          },
          { passive: false },
        )
      },
    },
  }
}

/** Shift + drag pans along x (a plain drag still zooms). */
export function shiftDragPan(): uPlot.Plugin {
  return {
    hooks: {
      ready: (u) => {
        u.over.addEventListener(
          'mousedown',
          (e) => {
            if (!e.shiftKey || e.button !== 0) return
            // keep uPlot from starting its drag-zoom selection
            e.stopPropagation()
            e.preventDefault()
            const x0 = e.clientX
            const { min, max } = u.scales.x
            if (min === undefined || max === undefined) return
            const perPx = (max - min) / (u.over.clientWidth || 1)
            const move = (m: MouseEvent) => {
              const dx = (m.clientX - x0) * perPx
              u.setScale('x', { min: min - dx, max: max - dx })
            }
            const up = () => {
              removeEventListener('mousemove', move)
              removeEventListener('mouseup', up)
            }
            addEventListener('mousemove', move)
            addEventListener('mouseup', up)
          },
          { capture: true },
        )
      },
    },
  }
}

/** Zooms the x axis about its centre (factor < 1 zooms in) or shifts it by a fraction of its width. */
export function stepX(u: uPlot, action: { zoom: number } | { pan: number }): void {
  const { min, max } = u.scales.x
  if (min === undefined || max === undefined) return
  const w = max - min
  if ('zoom' in action) {
    const c = (min + max) / 2
    u.setScale('x', { min: c - (w * action.zoom) / 2, max: c + (w * action.zoom) / 2 })
  } else u.setScale('x', { min: min + w * action.pan, max: max + w * action.pan })
}
