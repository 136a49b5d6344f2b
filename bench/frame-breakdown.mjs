// Where the main thread's time goes during a measured interaction, from a Chromium trace that carries V8's CPU
// samples (category disabled-by-default-v8.cpu_profiler): each sample on the renderer's main thread is put in a
// bucket by the script it is in (its nearest caller with a URL, so canvas calls count for the code that made them),
// and the samples outside JavaScript ("(program)": Blink and the compositor) by the trace event running at that
// moment (e.g. reading Aladin's WebGL picture back for the software compositor). Totals are given per frame,
// over all frames and over the slow ones (frame windows from the page's own rAF timestamps).

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'v8', 'blink', 'cc', 'gpu']

/** The buckets, in print order, with what each one is. */
export const BUCKETS = {
  aladin: "Aladin's JS and WebAssembly (its frame, its mouse and wheel handlers)",
  webgl_sync: "waiting on Aladin's WebGL picture (read back for the software compositor)",
  overlay_js: 'our sky layer: culling, projection, path building (JS)',
  overlay_canvas: 'our sky layer: canvas calls (stroke, fill, path, drawImage)',
  react: 'React (render and commit)',
  grid: 'the grid (AG Grid)',
  app: 'other app code',
  gc: 'garbage collection',
  paint: 'paint and canvas raster',
  style_layout: 'style, layout, hit testing',
  commit: 'compositor commit and frame scheduling',
  browser_other: 'other browser work (input routing, tasks)',
  idle: 'main thread idle: waiting for vsync or for the other processes (GPU, compositor) on a busy box',
}

const NATIVE = [
  ['webgl_sync', /^(GLES2::|CommandBufferHelper::Finish|ImplementationBase::WaitForCmd|CommandBufferProxyImpl::Wait)/],
  ['paint', /Paint|Raster|Canvas2D|CanvasResource|Canvas/],
  ['style_layout', /UpdateLayoutTree|Layout|RecalcStyle|HitTest|UpdateStyle/],
  ['commit', /Commit|LayerTreeHost|BeginMainFrame|UpdateLayers/],
]

function bucketOfUrl(url) {
  const file = url.split('/').pop() ?? ''
  if (url.startsWith('wasm://') || file.startsWith('aladin')) return 'aladin'
  if (/^(engine|SkyView|footprint)/.test(file)) return 'overlay'
  if (file.startsWith('ResultGrid')) return 'grid'
  if (/^(react|jsx-runtime)/.test(file)) return 'react'
  return 'app'
}

/** Sorted, merged [start, end] intervals (µs) of main-thread events whose name matches, for binary search. */
function intervals(events, re) {
  const xs = events.filter((e) => re.test(e.name)).map((e) => [e.ts, e.ts + e.dur]).sort((a, b) => a[0] - b[0])
  const out = []
  for (const x of xs) {
    const last = out[out.length - 1]
    if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1])
    else out.push([...x])
  }
  return out
}
function within(list, t) {
  let lo = 0, hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (list[mid][1] < t) lo = mid + 1
    else if (list[mid][0] > t) hi = mid - 1
    else return true
  }
  return false
}

/**
 * @param trace the parsed trace JSON
 * @param sync { mark: name of a performance.mark set at `perfNow` } to turn the page's rAF times into trace time
 * @param frames the page's rAF timestamps (performance.now) during the interaction
 * @param slowMs frames longer than this are "slow"
 * @returns { frames, slow, all: {bucket: ms per frame}, slowFrames: {bucket: ms per slow frame} }
 */
export function frameBreakdown(trace, { mark, perfNow }, frames, slowMs = 34) {
  const events = trace.traceEvents ?? trace
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  const markEvent = events.find((e) => e.name === mark && mains.has(`${e.pid}:${e.tid}`)) ?? events.find((e) => e.name === mark)
  if (!markEvent) throw new Error('the sync mark is not in the trace')
  const main = `${markEvent.pid}:${markEvent.tid}`
  const toTrace = (t) => markEvent.ts + (t - perfNow) * 1000
  const onMain = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur)
  const natives = NATIVE.map(([bucket, re]) => [bucket, intervals(onMain, re)])

  // the main thread's CPU profile: nodes and samples arrive in chunks of the Profile with the main thread's id
  const profile = events.find((e) => e.name === 'Profile' && `${e.pid}:${e.tid}` === main) ?? events.find((e) => e.name === 'Profile' && e.pid === markEvent.pid)
  if (!profile) throw new Error('no CPU profile in the trace')
  const nodes = new Map()
  const samples = []
  let t = profile.args.data.startTime
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.id !== profile.id || e.pid !== profile.pid) continue
    const cp = e.args.data.cpuProfile ?? {}
    for (const n of cp.nodes ?? []) nodes.set(n.id, n)
    const deltas = e.args.data.timeDeltas ?? []
    ;(cp.samples ?? []).forEach((id, i) => {
      t += deltas[i] ?? 0
      samples.push([t, id])
    })
  }
  const bucketOfNode = new Map()
  const bucketOf = (id) => {
    if (bucketOfNode.has(id)) return bucketOfNode.get(id)
    const n = nodes.get(id)
    const f = n?.callFrame ?? {}
    let b
    if (!n) b = 'browser_other'
    else if (f.functionName === '(garbage collector)') b = 'gc'
    else if (f.functionName === '(program)') b = 'program'
    else if (f.functionName === '(idle)' || f.functionName === '(root)') b = 'idle'
    else if (f.url) b = bucketOfUrl(f.url)
    else {
      // a native function: the bucket of its caller (our canvas calls are overlay_canvas)
      const parent = n.parent !== undefined ? bucketOf(n.parent) : 'browser_other'
      b = parent === 'overlay' || parent === 'overlay_js' || parent === 'overlay_canvas' ? 'overlay_canvas' : parent
    }
    if (b === 'overlay') b = 'overlay_js'
    bucketOfNode.set(id, b)
    return b
  }
  // (a native's parent is resolved through the tree; nodes list their children, so index the parents)
  for (const n of nodes.values()) for (const c of n.children ?? []) if (nodes.get(c)) nodes.get(c).parent ??= n.id

  const windows = frames.slice(1).map((end, i) => [toTrace(frames[i]), toTrace(end), end - frames[i] > slowMs])
  const all = {}
  const slow = {}
  for (const k of Object.keys(BUCKETS)) all[k] = slow[k] = 0
  samples.sort((a, b) => a[0] - b[0])
  let w = 0
  for (let i = 0; i < samples.length; i++) {
    const [ts, id] = samples[i]
    const dt = ((samples[i + 1]?.[0] ?? ts) - ts) / 1000
    while (w < windows.length && windows[w][1] < ts) w++
    if (w >= windows.length) break
    if (ts < windows[w][0] || dt > 50) continue
    let b = bucketOf(id)
    if (b === 'program') b = natives.find(([, list]) => within(list, ts))?.[0] ?? 'browser_other'
    all[b] += dt
    if (windows[w][2]) slow[b] += dt
  }
  const nSlow = windows.filter((x) => x[2]).length
  const per = (o, n) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, n ? v / n : 0]))
  return { frames: windows.length, slow: nSlow, all: per(all, windows.length), slowFrames: per(slow, nSlow) }
}
