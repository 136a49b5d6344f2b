/** The selected row's preview drawn in its footprint on the sky (SkyPreviewLayer), and the toggle that turns it off. */
import { useEffect, useState, type RefObject } from 'react'
import type { SkyEngine } from './engine'
import { SkyPreviewLayer } from './previewLayer'

/** An image to draw inside a row's footprint: a blob already checked to be a raster image (it is checked again). */
export interface SkyImage {
  row: number
  blob: Blob
}

/** Keeps one preview layer per engine, showing `image` in its row's region while the toggle is on; what it shows, and the toggle. */
export function useSkyPreview(engine: SkyEngine | undefined, host: RefObject<HTMLDivElement | null>, image: SkyImage | null | undefined, regions: readonly (string | null | undefined)[] | undefined) {
  const [on, onChange] = useState(true)
  const [layer, setLayer] = useState<SkyPreviewLayer>()
  const [state, setState] = useState('none')
  const wanted = !!image
  useEffect(() => {
    if (!engine || !host.current || !wanted) return
    const l = new SkyPreviewLayer(host.current, engine.aladin)
    l.onState = setState
    setLayer(l)
    return () => {
      l.destroy()
      setLayer(undefined)
      setState('none')
    }
  }, [engine, host, wanted])
  const region = image ? regions?.[image.row] : undefined
  useEffect(() => {
    void layer?.show(image?.blob, region)
  }, [layer, image, region])
  useEffect(() => layer?.setVisible(on), [layer, on])
  return { state, on, onChange }
}

/** "Show previews on the sky": on by default, said beside the toggle when the preview cannot be drawn. */
export function PreviewToggle({ on, onChange, state }: { on: boolean; onChange: (on: boolean) => void; state: string }) {
  const why = state === 'not a raster image' ? 'the preview is not a raster image' : state === 'no outline' ? 'the row has no footprint to draw it in' : ''
  return (
    <>
      <label className="sky-preview-toggle">
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} /> Show previews on the sky
      </label>
      {on && why && <span className="muted small-print">Preview not drawn: {why}</span>}
    </>
  )
}
