/** "Calibrations for these frames": what one calSelector answer per selected raw frame adds up to (pure, unit-tested). */
import type { CalSelectorResult } from '../../protocols/calselector'
import type { ScriptFile } from '../../protocols/download'

export interface FrameCalibrations {
  dpId: string
  result?: CalSelectorResult
  error?: string
}

export interface CalibrationSummary {
  /** one entry per distinct file: the frames themselves (#this with a file) and their calibrations */
  files: ScriptFile[]
  /** calibrations that have no file of their own (only a DataLink document), by id */
  withoutFile: string[]
  incomplete: string[]
  failed: { dpId: string; error: string }[]
}

const isDataLink = (type: string | undefined) => !!type && /content=datalink/i.test(type)

/** Merges calSelector answers: each file once (by URL), frames first, then calibrations; DataLink-only rows are listed, not downloaded. */
export function summariseCalibrations(frames: readonly FrameCalibrations[]): CalibrationSummary {
  const seen = new Set<string>()
  const files: ScriptFile[] = []
  const calibrations: ScriptFile[] = []
  const withoutFile = new Set<string>()
  const incomplete: string[] = []
  const failed: { dpId: string; error: string }[] = []
  for (const f of frames) {
    if (f.error || !f.result) {
      failed.push({ dpId: f.dpId, error: f.error ?? 'no answer' })
      continue
    }
    if (f.result.cascade?.complete === false) incomplete.push(f.dpId)
    for (const row of f.result.rows) {
      if (!row.accessUrl || row.errorMessage) continue
      const isThis = /#this$/.test(row.semantics)
      const isCal = /#calibration$/.test(row.semantics)
      if (!isThis && !isCal) continue
      if (isDataLink(row.contentType)) {
        if (isCal) withoutFile.add(/\(([^)]+)\)\s*$/.exec(row.description ?? '')?.[1] ?? row.accessUrl)
        continue
      }
      if (seen.has(row.accessUrl)) continue
      seen.add(row.accessUrl)
      ;(isThis ? files : calibrations).push({ url: row.accessUrl, size: row.contentLength, contentType: row.contentType })
    }
  }
  return { files: [...files, ...calibrations], withoutFile: [...withoutFile], incomplete, failed }
}
