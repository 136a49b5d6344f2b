/** The heavy parts views share, each in its own chunk: the grid (AG Grid) and the plots (uPlot). Same props as the parts themselves. */
import { Suspense, type ComponentProps, type ReactNode } from 'react'
import { lazyPart } from './lazyPart'

const grid = lazyPart(() => import('./ResultGrid').then((m) => m.ResultGrid))
const xyPlot = lazyPart(() => import('./ResultPlot').then((m) => m.ResultPlot))
const spectrumPlot = lazyPart(() => import('./plot/SpectrumPlot').then((m) => m.SpectrumPlot))

/** A line in place of a part while its code arrives (only on a cold cache), as tall as the part will be. */
export function PartLoading({ what, height }: { what: string; height?: number | string }) {
  return (
    <p className="muted part-loading" role="status" style={height ? { minHeight: height } : undefined}>
      Loading {what}…
    </p>
  )
}

function deferred(what: string, children: ReactNode, height?: number | string) {
  return <Suspense fallback={<PartLoading what={what} height={height} />}>{children}</Suspense>
}

export function ResultGrid(props: ComponentProps<typeof grid.Component>) {
  return deferred('the result table', <grid.Component {...props} />, props.height ?? 480)
}

export function ResultPlot(props: ComponentProps<typeof xyPlot.Component>) {
  return deferred('the plot', <xyPlot.Component {...props} />)
}

export function SpectrumPlot(props: ComponentProps<typeof spectrumPlot.Component>) {
  return deferred('the spectrum plot', <spectrumPlot.Component {...props} />, props.height ?? 420)
}

/** The grid's code drawn once, hidden (gridWarmUp), so that a first result's columns and rows are not its first run. */
const warmGrid = () => grid.load().then(() => import('./gridWarmUp')).then((m) => m.warmUpGrid())

/**
 * Fetch the grid and the plots ahead (on idle), so that a first result does not wait on the network, and warm the
 * grid's code (in its own idle moment).
 */
export const partLoads: readonly (() => Promise<unknown>)[] = [grid.load, warmGrid, xyPlot.load, spectrumPlot.load]
