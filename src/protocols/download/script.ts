/**
 * Bulk download scripts (bash with curl or wget, or Python 3) for a list of files. No secret is ever
 * written into a script: a token comes from an environment variable (sent only to the archive's own
 * origins) or credentials from ~/.netrc. Every URL and file name is quoted so that it stays data.
 */
import { formatBytes } from '../table'

export type ScriptFlavour = 'curl' | 'wget' | 'python'

export interface ScriptFile {
  url: string
  size?: number
  /** a name to save it under, e.g. the dp_id; sanitised */
  name?: string
  /** `.fits` is added to a FITS file's name that has no extension */
  contentType?: string
}

export interface ScriptOptions {
  flavour: ScriptFlavour
  /** origins (scheme://host[:port]) that may receive the token, e.g. `https://dataportal.eso.org` */
  authOrigins: readonly string[]
  /** environment variable holding the bearer token (default ESO_TOKEN) */
  tokenVariable?: string
  /** downloads at once (default 4; PARALLEL in the environment overrides it) */
  concurrency?: number
  /** what the script says it was made by and when */
  generatedBy?: string
  generatedAt?: Date
}

/** A bash single-quoted word: `'` becomes `'\''`, so nothing inside is expanded or executed. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/** A Python string literal (JSON's string syntax is a subset of Python's). */
export function pythonQuote(s: string): string {
  return JSON.stringify(s)
}

/** Control characters and spaces percent-encoded, so a URL is one line and one word. */
export function oneLineUrl(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** A safe local file name: letters, digits and `. _ + -` only, no leading dot, never empty. */
export function safeFileName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._+-]+/g, '_').replace(/^[._]+/, '').slice(0, 200)
  return s === '' ? 'file' : s
}

/** The name a file is saved under: its given name, else the last segment of its URL path; `.fits` added for FITS content without an extension. */
export function fileNameFor(url: string, name?: string, contentType?: string): string {
  let base = name
  if (!base) {
    try {
      const u = new URL(url)
      const seg = u.pathname.split('/').filter(Boolean).pop()
      base = seg ? decodeURIComponent(seg) : u.hostname
    } catch {
      base = 'file'
    }
  }
  let out = safeFileName(base)
  if (!/\.[A-Za-z0-9]{1,8}$/.test(out.replace(/\.\d+$/, '')) && /fits/i.test(contentType ?? '')) out += '.fits'
  return out
}

/** Distinct names for a list of files (a second `x.fits` becomes `x-2.fits`). */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return names.map((n) => {
    const k = seen.get(n) ?? 0
    seen.set(n, k + 1)
    if (k === 0) return n
    const dot = n.lastIndexOf('.')
    return dot > 0 ? `${n.slice(0, dot)}-${k + 1}${n.slice(dot)}` : `${n}-${k + 1}`
  })
}

/** Total bytes of the files whose size is known, and how many have none. */
export function totalSize(files: readonly Pick<ScriptFile, 'size'>[]): { bytes: number; unknown: number } {
  let bytes = 0
  let unknown = 0
  for (const f of files) {
    if (f.size !== undefined && Number.isFinite(f.size) && f.size >= 0) bytes += f.size
    else unknown++
  }
  return { bytes, unknown }
}

function origins(list: readonly string[]): string[] {
  const out = new Set<string>()
  for (const o of list) {
    try {
      const u = new URL(o)
      if (u.protocol === 'http:' || u.protocol === 'https:') out.add(u.origin)
    } catch {
      // not a URL: no credentials for it
    }
  }
  return [...out]
}

/** The download script for the files, in the flavour asked for. */
export function downloadScript(files: readonly ScriptFile[], opts: ScriptOptions): string {
  const tokenVar = opts.tokenVariable ?? 'ESO_TOKEN'
  if (!/^[A-Z_][A-Z0-9_]*$/.test(tokenVar)) throw new Error(`"${tokenVar}" is not a usable environment variable name`)
  const parallel = Math.max(1, Math.min(16, Math.round(opts.concurrency ?? 4)))
  const names = uniqueNames(files.map((f) => fileNameFor(f.url, f.name, f.contentType)))
  const list = files.map((f, i) => ({ url: oneLineUrl(f.url), name: names[i]!, size: f.size }))
  const auth = origins(opts.authOrigins)
  const { bytes, unknown } = totalSize(files)
  const header = [
    `Downloads ${files.length} ${files.length === 1 ? 'file' : 'files'}, about ${formatBytes(bytes)}${unknown ? ` (${unknown} of unknown size not counted)` : ''}.`,
    `Made by ${(opts.generatedBy ?? 'the ESO Archive Explorer').replace(/[\r\n]/g, ' ')}${opts.generatedAt ? ` on ${opts.generatedAt.toISOString()}` : ''}.`,
    '',
    'Credentials are never written into this script. To reach proprietary data either',
    `  export ${tokenVar}=<token>   (sent as "Authorization: Bearer" only to: ${auth.join(' ') || 'no host'})`,
    '  or put the archive host in ~/.netrc: machine <host> login <user> password <password>',
    `Environment: PARALLEL=<n> downloads at once (default ${parallel}); DRY_RUN=1 lists URL and file name without downloading.`,
    'Files already present are skipped, so the script can be run again after a failure.',
  ]
  if (opts.flavour === 'python') return pythonScript(list, header, auth, tokenVar, parallel)
  return bashScript(list, header, auth, tokenVar, parallel, opts.flavour)
}

type Entry = { url: string; name: string; size?: number }

function bashScript(list: Entry[], header: string[], auth: string[], tokenVar: string, parallel: number, tool: 'curl' | 'wget'): string {
  const patterns = auth.map((o) => `${shellQuote(o + '/')}*`).join('|')
  const get =
    tool === 'curl'
      ? [
          '  if [ -n "$token" ]; then',
          '    # the header comes on stdin, so the token is not in the process list; curl does not send it on to other hosts after a redirect',
          '    printf \'Authorization: Bearer %s\\n\' "$token" | curl --fail --location --silent --show-error --retry 3 --netrc-optional -H @- -o "$file.part" -- "$url"',
          '  else',
          '    curl --fail --location --silent --show-error --retry 3 --netrc-optional -o "$file.part" -- "$url" </dev/null',
          '  fi',
        ]
      : [
          '  if [ -n "$token" ]; then',
          '    # the header comes from a private temporary config file, not the command line; no redirects, so it cannot travel to another host',
          '    wget --quiet --tries=3 --max-redirect=0 --config="$wgetrc" -O "$file.part" -- "$url"',
          '  else',
          '    wget --quiet --tries=3 -O "$file.part" -- "$url"',
          '  fi',
        ]
  const lines = [
    '#!/usr/bin/env bash',
    ...header.map((l) => (l ? `# ${l}` : '#')),
    'set -u',
    `PARALLEL="\${PARALLEL:-${parallel}}"`,
    `TOTAL=${list.length}`,
    `command -v ${tool} >/dev/null || { echo "This script needs ${tool}" >&2; exit 1; }`,
    `tool_name=${tool}`,
    'failed="$(mktemp)"',
    ...(tool === 'wget'
      ? [
          'wgetrc=""',
          `if [ -n "\${${tokenVar}:-}" ]; then wgetrc="$(mktemp)"; printf 'header = Authorization: Bearer %s\\n' "$${tokenVar}" >"$wgetrc"; fi`,
          `trap 'rm -f "$failed" \${wgetrc:+"$wgetrc"}' EXIT`,
        ]
      : [`trap 'rm -f "$failed"' EXIT`]),
    '',
    '# the archive origins that may receive the token',
    'archive_origin() {',
    '  case "$1" in',
    ...(patterns ? [`    ${patterns}) return 0 ;;`] : []),
    '  esac',
    '  return 1',
    '}',
    '',
    '# what was received must be the file: not a DataLink or error VOTable, an HTML page, or far smaller than announced',
    'check_received() {',
    '  local part="$1" expected="$2" got head',
    '  got="$(wc -c <"$part" | tr -d " ")"',
    '  head="$(head -c 1024 -- "$part" | tr -d \'\\000\')"',
    '  case "$head" in',
    '    *"<VOTABLE"*) echo "received a VOTable (a DataLink list or an error message), not the file"; return ;;',
    '    *"<!DOCTYPE html"*|*"<html"*|*"<HTML"*) echo "received an HTML page, not the file"; return ;;',
    '  esac',
    '  if [ -n "$expected" ] && [ "$got" -lt $(( expected / 2 )) ]; then echo "received $got bytes, about $expected were announced"; fi',
    '}',
    '',
    'fetch() {',
    '  local n="$1" url="$2" file="$3" size="$4" bytes="$5" token=""',
    '  if [ -n "${DRY_RUN:-}" ]; then printf \'%s\\t%s\\n\' "$url" "$file"; return 0; fi',
    '  if [ -s "$file" ]; then echo "[$n/$TOTAL] $file is already here"; return 0; fi',
    `  if [ -n "\${${tokenVar}:-}" ] && archive_origin "$url"; then token="$${tokenVar}"; fi`,
    ...get,
    '  local status=$?',
    '  if [ "$status" -ne 0 ]; then rm -f -- "$file.part"; echo "[$n/$TOTAL] FAILED $file: $tool_name exit $status <- $url" >&2; return 1; fi',
    '  local wrong; wrong="$(check_received "$file.part" "$bytes")"',
    '  if [ -n "$wrong" ]; then rm -f -- "$file.part"; echo "[$n/$TOTAL] FAILED $file: $wrong <- $url" >&2; return 1; fi',
    '  mv -f -- "$file.part" "$file"; echo "[$n/$TOTAL] $file ($size)"',
    '}',
    '',
    'run() {',
    '  if [ -n "${DRY_RUN:-}" ]; then fetch "$@"; return; fi',
    '  while [ "$(jobs -rp | wc -l)" -ge "$PARALLEL" ]; do sleep 0.2; done',
    '  { fetch "$@" || printf \'  %s <- %s\\n\' "$3" "$2" >>"$failed"; } &',
    '}',
    '',
    ...list.map((e, i) => `run ${i + 1} ${shellQuote(e.url)} ${shellQuote(e.name)} ${shellQuote(e.size !== undefined ? formatBytes(e.size) : 'size unknown')} ${e.size !== undefined && Number.isFinite(e.size) ? String(Math.round(e.size)) : "''"}`),
    'wait',
    'if [ -s "$failed" ]; then echo "$(wc -l <"$failed") of $TOTAL files were not downloaded (run the script again to retry them):" >&2; cat "$failed" >&2; exit 1; fi',
    '[ -n "${DRY_RUN:-}" ] || echo "All $TOTAL files downloaded."',
    '',
  ]
  return lines.join('\n')
}

function pythonScript(list: Entry[], header: string[], auth: string[], tokenVar: string, parallel: number): string {
  const lines = [
    '#!/usr/bin/env python3',
    ...header.map((l) => (l ? `# ${l}` : '#')),
    'import base64, concurrent.futures, netrc, os, sys, urllib.parse, urllib.request',
    '',
    `FILES = [`,
    ...list.map((e) => `    (${pythonQuote(e.url)}, ${pythonQuote(e.name)}, ${e.size !== undefined ? String(e.size) : 'None'}),`),
    ']',
    `ARCHIVE_ORIGINS = {${auth.map(pythonQuote).join(', ')}}`,
    `TOKEN = os.environ.get(${pythonQuote(tokenVar)}, "")`,
    `PARALLEL = int(os.environ.get("PARALLEL", "${parallel}"))`,
    '',
    'def credentials(url):',
    '    u = urllib.parse.urlsplit(url)',
    '    if TOKEN and f"{u.scheme}://{u.netloc}" in ARCHIVE_ORIGINS:',
    '        return "Bearer " + TOKEN',
    '    try:',
    '        found = netrc.netrc().authenticators(u.hostname or "")',
    '    except (OSError, netrc.NetrcParseError):',
    '        found = None',
    '    if found and found[0] is not None and found[2] is not None:',
    '        return "Basic " + base64.b64encode(f"{found[0]}:{found[2]}".encode()).decode()',
    '    return None',
    '',
    '# what was received must be the file: not a DataLink or error VOTable, an HTML page, or far smaller than announced',
    'def check_received(part, expected):',
    '    got = os.path.getsize(part)',
    '    with open(part, "rb") as f:',
    '        head = f.read(1024)',
    '    if b"<VOTABLE" in head:',
    '        return "received a VOTable (a DataLink list or an error message), not the file"',
    '    if b"<!doctype html" in head.lower() or b"<html" in head.lower():',
    '        return "received an HTML page, not the file"',
    '    if expected is not None and got < expected // 2:',
    '        return f"received {got} bytes, about {int(expected)} were announced"',
    '    return None',
    '',
    'def fetch(n, url, name, size):',
    '    if os.path.exists(name) and os.path.getsize(name) > 0:',
    '        return f"[{n}/{len(FILES)}] {name} is already here"',
    '    request = urllib.request.Request(url)',
    '    auth = credentials(url)',
    '    if auth:',
    '        # unredirected: urllib does not send it on after a redirect',
    '        request.add_unredirected_header("Authorization", auth)',
    '    with urllib.request.urlopen(request, timeout=300) as response, open(name + ".part", "wb") as out:',
    '        while True:',
    '            chunk = response.read(1 << 20)',
    '            if not chunk:',
    '                break',
    '            out.write(chunk)',
    '    wrong = check_received(name + ".part", size)',
    '    if wrong:',
    '        os.remove(name + ".part")',
    '        raise RuntimeError(wrong)',
    '    os.replace(name + ".part", name)',
    '    return f"[{n}/{len(FILES)}] {name}"',
    '',
    'def main():',
    '    if os.environ.get("DRY_RUN"):',
    '        for url, name, _ in FILES:',
    '            print(f"{url}\\t{name}")',
    '        return 0',
    '    failed = []',
    '    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, PARALLEL)) as pool:',
    '        jobs = {pool.submit(fetch, n, url, name, size): (url, name) for n, (url, name, size) in enumerate(FILES, 1)}',
    '        for job in concurrent.futures.as_completed(jobs):',
    '            try:',
    '                print(job.result(), flush=True)',
    '            except Exception as e:',
    '                failed.append(jobs[job])',
    '                print(f"FAILED {jobs[job][1]}: {e} <- {jobs[job][0]}", file=sys.stderr, flush=True)',
    '    if failed:',
    '        print(f"{len(failed)} of {len(FILES)} files were not downloaded (run the script again to retry them):", file=sys.stderr)',
    '        for url, name in failed:',
    '            print(f"  {name} <- {url}", file=sys.stderr)',
    '        return 1',
    '    print(f"All {len(FILES)} files downloaded.")',
    '    return 0',
    '',
    'if __name__ == "__main__":',
    '    sys.exit(main())',
    '',
  ]
  return lines.join('\n')
}
