/**
 * `npm run votable -- FILE [FILE...] [--rows N]`: a readable summary of VOTable files (tables,
 * fields, row counts, INFOs and QUERY_STATUS, warnings, the first rows). Gzip-compressed files are
 * read too. Exits 1 when a file cannot be read as a VOTable, with the located error.
 * Run through scripts/votable-cli.mjs (Node cannot load TypeScript by itself).
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { VOTableError, describeVOTable, parseVOTable } from '../src/protocols/votable/index'

const USAGE = 'usage: npm run votable -- FILE [FILE...] [--rows N]'

export interface CliIo {
  out(text: string): void
  err(text: string): void
}

/** Run the command line; returns the exit code. */
export function main(argv: string[], io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): number {
  const files: string[] = []
  let rows = 5
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--rows' || a === '-n') rows = Number(argv[++i])
    else if (a.startsWith('--rows=')) rows = Number(a.slice(7))
    else if (a === '--help' || a === '-h') {
      io.out(USAGE + '\n')
      return 0
    } else files.push(a)
  }
  if (files.length === 0 || !(rows >= 0)) {
    io.err(USAGE + '\n')
    return 2
  }
  let code = 0
  for (const file of files) {
    if (files.length > 1) io.out(`== ${file}\n`)
    let bytes: Uint8Array
    try {
      bytes = readFileSync(file)
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes)
    } catch (e) {
      io.err(`${file}: ${(e as Error).message}\n`)
      code = 1
      continue
    }
    try {
      io.out(describeVOTable(parseVOTable(bytes), { rows }))
    } catch (e) {
      if (!(e instanceof VOTableError)) throw e
      const where = e.line !== undefined ? `${file}:${e.line}:${e.column ?? 1}` : file
      io.err(`${where}: error: ${e.message.replace(/ \(line \d+, column \d+\)$/, '')}\n`)
      code = 1
    }
  }
  return code
}
