/** Checks a cutout against what the service descriptor offers and the dataset's limits (VALUES MIN/MAX/OPTION). */
import type { InputParam, ServiceDescriptor } from '../datalink'
import { boundingCircle, pairs, posBounds, separation, type BoundingCircle } from './geometry'
import type { SodaCutout, SodaPos, SodaProblem } from './types'

const POL_STATES = ['I', 'Q', 'U', 'V', 'RR', 'LL', 'RL', 'LR', 'XX', 'YY', 'XY', 'YX', 'POLI', 'POLA']

/** Numbers as people read them: 4.75e-7, 265.1755. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf'
  const a = Math.abs(n)
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? n.toExponential().replace(/\.?0+e/, 'e').replace('e+', 'e') : String(Number(n.toPrecision(10)))
}

function param(d: ServiceDescriptor, name: string): InputParam | undefined {
  return d.inputParams.find((p) => p.name.toUpperCase() === name.toUpperCase())
}

function checkCoordinates(name: string, points: ReadonlyArray<readonly [number, number]>, problems: SodaProblem[]): void {
  for (const [ra, dec] of points) {
    if (!Number.isFinite(ra) || ra < 0 || ra > 360) problems.push({ param: name, severity: 'error', message: `${name} right ascension ${fmt(ra)}° is outside 0…360°` })
    if (!Number.isFinite(dec) || dec < -90 || dec > 90) problems.push({ param: name, severity: 'error', message: `${name} declination ${fmt(dec)}° is outside −90…+90°` })
  }
}

/** The dataset's footprint from the CIRCLE or POLYGON MAX of the descriptor (ESO and DaCHS give it there). */
export function footprint(d: ServiceDescriptor): BoundingCircle | undefined {
  const c = param(d, 'CIRCLE')?.max
  if (c && c.length === 3 && c[2]! > 0) return { ra: c[0]!, dec: c[1]!, radius: c[2]! }
  const p = param(d, 'POLYGON')?.max
  return p && p.length >= 6 ? boundingCircle(pairs(p)) : undefined
}

function checkRegion(name: string, pos: SodaPos, d: ServiceDescriptor, problems: SodaProblem[]): void {
  const before = problems.length
  if (pos.shape === 'circle') {
    checkCoordinates(name, [[pos.ra, pos.dec]], problems)
    if (!(pos.radius > 0 && pos.radius <= 180)) problems.push({ param: name, severity: 'error', message: `${name} radius ${fmt(pos.radius)}° must be above 0 and at most 180°` })
  } else if (pos.shape === 'polygon') {
    if (pos.vertices.length < 3) problems.push({ param: name, severity: 'error', message: `${name} needs at least 3 vertices, got ${pos.vertices.length}` })
    checkCoordinates(name, pos.vertices, problems)
  } else {
    const [r1, r2] = pos.ra
    const [d1, d2] = pos.dec
    if (r1 > r2) problems.push({ param: name, severity: 'error', message: `${name} RANGE right ascension ${fmt(r1)}…${fmt(r2)}° runs backwards` })
    if (d1 > d2) problems.push({ param: name, severity: 'error', message: `${name} RANGE declination ${fmt(d1)}…${fmt(d2)}° runs backwards` })
    checkCoordinates(name, [[r1, d1], [r2, d2]].filter((p) => p.every(Number.isFinite)) as [number, number][], problems)
  }
  if (problems.length > before) return
  const fp = footprint(d)
  const b = posBounds(pos)
  if (fp && b && separation(fp.ra, fp.dec, b.ra, b.dec) > fp.radius + b.radius) {
    problems.push({
      param: name,
      severity: 'error',
      message: `${name} does not overlap the dataset, whose footprint lies within ${fmt(fp.radius)}° of (${fmt(fp.ra)}, ${fmt(fp.dec)})`,
    })
  }
}

function checkInterval(name: string, unit: string, [lo, hi]: readonly [number, number], p: InputParam, problems: SodaProblem[]): void {
  if (Number.isNaN(lo) || Number.isNaN(hi)) return void problems.push({ param: name, severity: 'error', message: `${name} limits must be numbers` })
  if (lo > hi) return void problems.push({ param: name, severity: 'error', message: `${name} lower limit ${fmt(lo)} ${unit} is above the upper limit ${fmt(hi)} ${unit}` })
  const min = p.min?.[0]
  const max = p.max?.[p.max.length - 1]
  if ((min !== undefined && hi < min) || (max !== undefined && lo > max)) {
    return void problems.push({
      param: name,
      severity: 'error',
      message: `${name} ${fmt(lo)}…${fmt(hi)} ${unit} lies outside the dataset's range ${min !== undefined ? fmt(min) : '-Inf'}…${max !== undefined ? fmt(max) : '+Inf'} ${unit}`,
    })
  }
  if (min !== undefined && lo < min) problems.push({ param: name, severity: 'warning', message: `${name} lower limit ${fmt(lo)} ${unit} is below the dataset's minimum ${fmt(min)} ${unit}` })
  if (max !== undefined && hi > max) problems.push({ param: name, severity: 'warning', message: `${name} upper limit ${fmt(hi)} ${unit} is above the dataset's maximum ${fmt(max)} ${unit}` })
}

function checkOther(name: string, value: string, p: InputParam, problems: SodaProblem[]): void {
  if (p.options?.length && !p.options.some((o) => o.value === value)) {
    problems.push({ param: name, severity: 'error', message: `${name} "${value}" is not one of ${p.options.map((o) => o.value).join(', ')}` })
    return
  }
  if (p.datatype !== 'char' && p.datatype !== 'unicodeChar' && !p.arraysize && value.trim() !== '') {
    const n = Number(value)
    if (Number.isNaN(n)) problems.push({ param: name, severity: 'error', message: `${name} "${value}" is not a number` })
    else if (p.min?.[0] !== undefined && n < p.min[0]) problems.push({ param: name, severity: 'error', message: `${name} ${value} is below the minimum ${fmt(p.min[0])}` })
    else if (p.max?.[0] !== undefined && n > p.max[0]) problems.push({ param: name, severity: 'error', message: `${name} ${value} is above the maximum ${fmt(p.max[0])}` })
  }
}

/** Every problem of a cutout for this descriptor; errors first is not guaranteed, filter by severity. */
export function checkSodaCutout(d: ServiceDescriptor, c: SodaCutout): SodaProblem[] {
  const problems: SodaProblem[] = []
  const offered = d.inputParams.map((p) => p.name).filter((n) => n.toUpperCase() !== 'ID')
  const need = (name: string): InputParam | undefined => {
    const p = param(d, name)
    if (!p) problems.push({ param: name, severity: 'error', message: `This service does not offer ${name}${offered.length ? ` (it takes ${offered.join(', ')})` : ''}` })
    return p
  }
  if (c.circle && need('CIRCLE')) checkRegion('CIRCLE', { shape: 'circle', ...c.circle }, d, problems)
  if (c.polygon && need('POLYGON')) checkRegion('POLYGON', { shape: 'polygon', vertices: c.polygon }, d, problems)
  if (c.pos && need('POS')) checkRegion('POS', c.pos, d, problems)
  if (c.band) {
    const p = need('BAND')
    if (p) checkInterval('BAND', p.unit ?? 'm', c.band, p, problems)
  }
  if (c.time) {
    const p = need('TIME')
    if (p) checkInterval('TIME', p.unit ?? 'd', c.time, p, problems)
  }
  if (c.pol?.length) {
    const p = need('POL')
    const allowed = p?.options?.map((o) => o.value) ?? POL_STATES
    if (p) for (const s of c.pol) if (!allowed.includes(s)) problems.push({ param: 'POL', severity: 'error', message: `POL "${s}" is not one of ${allowed.join(', ')}` })
  }
  for (const [name, value] of Object.entries(c.other ?? {})) {
    const p = need(name)
    if (p) checkOther(name, value, p, problems)
  }
  return problems
}
