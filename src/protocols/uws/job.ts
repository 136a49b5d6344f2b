/** UWS 1.1 job documents: types and readers (no network here). */
import { attr, child, childText, children, parseXml, type XmlElement } from '../xmltree'

export const UWS_PHASES = ['PENDING', 'QUEUED', 'EXECUTING', 'COMPLETED', 'ERROR', 'ABORTED', 'UNKNOWN', 'HELD', 'SUSPENDED', 'ARCHIVED'] as const
export type UwsPhase = (typeof UWS_PHASES)[number]

/** Phases after which a job will not change by itself. */
export const FINAL_PHASES: ReadonlySet<UwsPhase> = new Set(['COMPLETED', 'ERROR', 'ABORTED', 'ARCHIVED'])
/** Phases in which a job waits for the client (it must be sent PHASE=RUN or resumed). */
export const IDLE_PHASES: ReadonlySet<UwsPhase> = new Set(['PENDING', 'HELD', 'SUSPENDED'])

export interface UwsResult {
  id: string
  href: string
  size?: number
  mimeType?: string
}

export interface UwsJob {
  jobId: string
  runId?: string
  ownerId?: string
  phase: UwsPhase
  quote?: string
  creationTime?: string
  startTime?: string
  endTime?: string
  /** Seconds; 0 means unlimited. */
  executionDuration?: number
  destruction?: string
  parameters: Record<string, string>
  results: UwsResult[]
  error?: { type?: string; message: string; hasDetail: boolean }
}

export interface UwsJobRef {
  jobId: string
  href?: string
  phase: UwsPhase
  runId?: string
  ownerId?: string
  creationTime?: string
}

export function toPhase(raw: string | undefined): UwsPhase {
  const p = (raw ?? '').trim().toUpperCase()
  return (UWS_PHASES as readonly string[]).includes(p) ? (p as UwsPhase) : 'UNKNOWN'
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === '' || s === 'NIL' ? undefined : s
}

function isNil(el: XmlElement | undefined): boolean {
  return !!el && attr(el, 'nil') === 'true'
}

function optText(el: XmlElement, name: string): string | undefined {
  const c = child(el, name)
  return c && !isNil(c) ? nonEmpty(c.text) : undefined
}

export function readJob(root: XmlElement): UwsJob {
  if (root.name !== 'job') throw new Error(`not a UWS job document (root element <${root.name}>)`)
  const parameters: Record<string, string> = {}
  for (const p of children(child(root, 'parameters'), 'parameter')) parameters[attr(p, 'id') ?? ''] = p.text
  const results = children(child(root, 'results'), 'result').map((r): UwsResult => {
    const size = attr(r, 'size')
    return { id: attr(r, 'id') ?? '', href: attr(r, 'href') ?? '', size: size ? Number(size) : undefined, mimeType: attr(r, 'mime-type') }
  })
  const es = child(root, 'errorSummary')
  const dur = optText(root, 'executionDuration')
  return {
    jobId: childText(root, 'jobId') ?? '',
    runId: optText(root, 'runId'),
    ownerId: optText(root, 'ownerId'),
    phase: toPhase(childText(root, 'phase')),
    quote: optText(root, 'quote'),
    creationTime: optText(root, 'creationTime'),
    startTime: optText(root, 'startTime'),
    endTime: optText(root, 'endTime'),
    executionDuration: dur === undefined ? undefined : Number(dur),
    destruction: optText(root, 'destruction'),
    parameters,
    results,
    error: es ? { type: attr(es, 'type'), message: childText(es, 'message') ?? '', hasDetail: attr(es, 'hasDetail') === 'true' } : undefined,
  }
}

export function parseJob(xml: string): UwsJob {
  return readJob(parseXml(xml))
}

export function parseJobList(xml: string): UwsJobRef[] {
  const root = parseXml(xml)
  if (root.name !== 'jobs') throw new Error(`not a UWS job list (root element <${root.name}>)`)
  return children(root, 'jobref').map((j) => ({
    jobId: attr(j, 'id') ?? '',
    href: attr(j, 'href'),
    phase: toPhase(childText(j, 'phase')),
    runId: nonEmpty(childText(j, 'runId')),
    ownerId: nonEmpty(childText(j, 'ownerId')),
    creationTime: nonEmpty(childText(j, 'creationTime')),
  }))
}
