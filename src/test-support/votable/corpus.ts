/** Test support: the conformance corpus files (Node only). */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

export const CONFORMANCE_DIR = join(__dirname, '..', '..', 'protocols', 'votable', '__fixtures__', 'conformance')

export const conformanceFiles: string[] = readdirSync(join(CONFORMANCE_DIR, 'files')).sort()

export function loadConformance(name: string): Uint8Array {
  const buf = readFileSync(join(CONFORMANCE_DIR, 'files', name))
  return new Uint8Array(buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf)
}
