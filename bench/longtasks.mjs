// Where the main thread's long tasks go: a Chromium trace (tasks + V8's sampling CPU profiler) read back, the samples
// inside tasks over a threshold summed per function (self time, and total time with what it calls), with the built
// app's source map turning minified positions into src/ files and function names. Used by the benchmarks that have
// a main-thread goal (tap-async, million); the figures it prints are attribution, not measurements.
import { readFileSync, readdirSync } from 'node:fs'

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler']

/** Starts tracing the page (Playwright's Chromium tracing): call the returned function to stop and get the events. */
export async function startTrace(browser, page) {
  await browser.startTracing(page, { categories: CATEGORIES })
  return async () => JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents
}

/** Source maps of the built app's scripts (dist/assets/*.js.map), by script file name; empty when built without them. */
async function sourceMaps(dist) {
  const maps = new Map()
  let SourceMapConsumer
  try {
    ;({ SourceMapConsumer } = await import('source-map-js'))
  } catch {
    return maps
  }
  let files = []
  try {
    files = readdirSync(`${dist}/assets`).filter((f) => f.endsWith('.js.map'))
  } catch {
    return maps
  }
  for (const f of files) maps.set(f.slice(0, -4), new SourceMapConsumer(JSON.parse(readFileSync(`${dist}/assets/${f}`, 'utf8'))))
  return maps
}

function frameName(cf, maps) {
  const file = (cf.url ?? '').split('/').pop()
  const map = maps.get(file)
  if (map && cf.lineNumber >= 0) {
    const o = map.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber })
    if (o.source) {
      // node_modules is a link to another checkout: name the package; our files from src/
      const nm = o.source.lastIndexOf('node_modules/')
      const pkg = nm >= 0 ? o.source.slice(nm + 13).split('/') : undefined
      const short = pkg ? pkg.slice(0, pkg[0].startsWith('@') ? 2 : 1).join('/') : o.source.slice(Math.max(0, o.source.indexOf('src/')))
      // minified names (one or two letters) give way to the source map's
      const fn = cf.functionName && (cf.functionName.length > 2 || !o.name) ? cf.functionName : o.name || '(anonymous)'
      return `${fn} ${short}:${o.line}`
    }
  }
  if (!cf.url) return cf.functionName || '(program)'
  return `${cf.functionName || '(anonymous)'} ${file}:${cf.lineNumber + 1}`
}

/**
 * The long tasks (over `overMs`) of the page's main thread in `events`, and the functions their time went into:
 * { tasks: [{ ms, top }], self: [[name, ms]], total: [[name, ms]] } (top: the task's own heaviest function).
 */
export async function longTaskProfile(events, { dist, overMs = 50, top = 12, after = 'bench-measure' } = {}) {
  const maps = await sourceMaps(dist)
  const names = new Map()
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name)
  // the renderer's main thread with the most task time
  const busy = new Map()
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur)
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (!main) return { tasks: [], self: [], total: [] }
  // from the moment the page marked (console.timeStamp(after)) on, when it did
  const from = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === after)?.ts ?? 0
  const onMain = (e) => `${e.pid}:${e.tid}` === main
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e) && e.dur > overMs * 1000 && e.ts >= from)
    .map((e) => ({ start: e.ts, end: e.ts + e.dur, ms: e.dur / 1000, cpu: e.tdur === undefined ? undefined : e.tdur / 1000, fns: new Map(), phases: new Map(), calls: new Map() }))
    .sort((a, b) => a.start - b.start)
  // the renderer's own steps inside them (style, layout, paint, GC, scripts), outermost only
  const PHASES = /^(UpdateLayoutTree|Layout|Paint|PrePaint|Layerize|Commit|MajorGC|MinorGC|V8.GC_.*|FunctionCall|EvaluateScript|TimerFire|FireAnimationFrame|EventDispatch|v8.callFunction|ParseHTML|HitTest|ScheduleStyleRecalculation)$/
  for (const t of tasks) {
    const inside = events.filter((e) => e.ph === 'X' && onMain(e) && e.ts >= t.start && e.ts + (e.dur ?? 0) <= t.end && PHASES.test(e.name)).sort((a, b) => a.ts - b.ts || b.dur - a.dur)
    let until = 0
    for (const e of inside) {
      if (e.ts < until) continue
      until = e.ts + e.dur
      t.phases.set(e.name, (t.phases.get(e.name) ?? 0) + e.dur / 1000)
    }
  }
  // the main thread's CPU profile: a Profile event, then ProfileChunks (nodes and sample time deltas) with its id
  const [pid] = main.split(':')
  const profiles = new Map()
  for (const e of events) {
    if (String(e.pid) !== pid) continue
    if (e.name === 'Profile') profiles.set(e.id, { tid: e.tid, t: e.args.data.startTime, nodes: new Map(), samples: [] })
    if (e.name === 'ProfileChunk') {
      const p = profiles.get(e.id)
      if (!p) continue
      const d = e.args.data
      for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n)
      const s = d.cpuProfile?.samples ?? []
      const dt = d.timeDeltas ?? []
      for (let k = 0; k < s.length; k++) {
        p.t += dt[k] ?? 0
        p.samples.push([p.t, s[k]])
      }
    }
  }
  const profile = [...profiles.values()].find((p) => `${pid}:${p.tid}` === main) ?? [...profiles.values()].sort((a, b) => b.samples.length - a.samples.length)[0]
  const self = new Map()
  const total = new Map()
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v)
  const label = new Map()
  const nameOf = (id) => {
    if (!label.has(id)) label.set(id, frameName(profile.nodes.get(id).callFrame, maps))
    return label.get(id)
  }
  if (profile) {
    const parent = new Map()
    for (const n of profile.nodes.values()) for (const c of n.children ?? []) parent.set(c, n.id)
    for (const n of profile.nodes.values()) if (n.parent !== undefined) parent.set(n.id, n.parent)
    let ti = 0
    for (let k = 0; k < profile.samples.length; k++) {
      const [t, id] = profile.samples[k]
      const ms = ((profile.samples[k + 1]?.[0] ?? t) - t) / 1000
      while (ti < tasks.length && tasks[ti].end < t) ti++
      const task = tasks[ti]
      if (!task || t < task.start || !profile.nodes.get(id)) continue
      const leaf = nameOf(id)
      if (/^\((idle|root)\)$/.test(leaf)) continue
      add(self, leaf, ms)
      add(task.fns, leaf, ms)
      const seen = new Set()
      for (let n = id; n !== undefined; n = parent.get(n)) {
        const name = nameOf(n)
        if (seen.has(name) || name === '(root)') continue
        seen.add(name)
        add(total, name, ms)
        // what of ours (src/) and which grid API the task spent its time under
        if (/ src\/|^apiName|ag-grid-react/.test(name) && !/^apiName/.test(name)) add(task.calls, name, ms)
      }
    }
  }
  // the longest task by the main thread's own CPU time (what the page asked of it, whatever else ran on the machine)
  const cpuOf = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e) && e.ts >= from && e.tdur !== undefined)
  const longestCpu = cpuOf.reduce((m, e) => Math.max(m, e.tdur / 1000), 0)
  const cpuOver = cpuOf.filter((e) => e.tdur > overMs * 1000).length
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, Math.round(v)])
  return {
    longestCpu: cpuOf.length ? Math.round(longestCpu) : undefined,
    cpuOver,
    tasks: tasks.map((t) => ({ at: Math.round((t.start - from) / 1000), ms: Math.round(t.ms), cpu: t.cpu === undefined ? undefined : Math.round(t.cpu), calls: sorted(t.calls).slice(0, 5), top: sorted(t.fns).slice(0, 4), phases: sorted(t.phases).slice(0, 4) })),
    self: sorted(self),
    total: sorted(total),
  }
}

/** Prints a long-task profile as comment lines (on stderr: the figures on stdout stay `name: value unit`). */
export function printLongTasks(title, p) {
  const log = (s) => console.error(s)
  log(`${title}: ${p.tasks.length} main-thread tasks over 50 ms: ${p.tasks.map((t) => t.ms).join(', ')} ms (CPU time of each: ${p.tasks.map((t) => t.cpu ?? '?').join(', ')} ms)`)
  if (p.longestCpu !== undefined) log(`  longest task by the main thread's CPU time: ${p.longestCpu} ms; ${p.cpuOver} tasks over 50 ms of CPU`)
  for (const t of [...p.tasks].sort((a, b) => b.ms - a.ms).slice(0, 6)) {
    log(`  ${t.ms} ms task (CPU ${t.cpu ?? '?'} ms) at +${t.at} ms [${t.phases.map(([n, ms]) => `${n} ${ms}`).join(', ')}]: self ${t.top.map(([n, ms]) => `${n} ${ms}`).join('; ')}`)
    log(`    under: ${t.calls.map(([n, ms]) => `${n} ${ms}`).join('; ')}`)
  }
  log(`  self time in those tasks (ms): ${p.self.map(([n, ms]) => `${n} ${ms}`).join('; ')}`)
  log(`  total time (with callees, ms): ${p.total.map(([n, ms]) => `${n} ${ms}`).join('; ')}`)
}
