/** TAP query → code: pyvo, astroquery.eso, curl (sync, and the UWS async flow). */
import { pyString, shellString } from './quote'
import { curlAuth, tokenGuard } from './shell'
import { type TapCodeRequest, type TapFlavour } from './types'
import { pyAuthorisedSession } from './python'

const ESO_TAP: Record<string, 'tap_obs' | 'tap_cat'> = {
  'https://archive.eso.org/tap_obs': 'tap_obs',
  'https://archive.eso.org/tap_cat': 'tap_cat',
}

/** Which of ESO's TAP services astroquery.eso can ask for this URL, if any. */
export function esoTapService(serviceUrl: string): 'tap_obs' | 'tap_cat' | undefined {
  return ESO_TAP[serviceUrl.replace(/\/+$/, '')]
}

const base = (url: string) => url.replace(/\/+$/, '')

function checkedMaxrec(maxrec: number | undefined): number | undefined {
  if (maxrec === undefined) return undefined
  if (!Number.isInteger(maxrec) || maxrec < 0) throw new RangeError(`MAXREC must be a whole number ≥ 0, got ${maxrec}`)
  return maxrec
}

function pyvoCode(r: TapCodeRequest): string {
  const maxrec = checkedMaxrec(r.maxrec)
  const args = `query${maxrec !== undefined ? `, maxrec=${maxrec}` : ''}`
  const lines = r.authorised ? ['import os', 'import pyvo', 'import requests', '', ...pyAuthorisedSession()] : ['import pyvo', '']
  lines.push(`service = pyvo.dal.TAPService(${pyString(base(r.serviceUrl))}${r.authorised ? ', session=session' : ''})`, `query = ${pyString(r.query)}`, '')
  if (r.mode === 'sync') {
    lines.push(`table = service.run_sync(${args}).to_table()`)
  } else {
    lines.push(
      '# an async job: it keeps running on the server (service.run_async does these steps in one call)',
      `job = service.submit_job(${args})`,
      'job.run()',
      'job.wait(phases=["COMPLETED", "ERROR", "ABORTED"])',
      'job.raise_if_error()',
      'table = job.fetch_result().to_table()',
      'job.delete()',
    )
  }
  lines.push('print(table)')
  return lines.join('\n') + '\n'
}

function astroqueryCode(r: TapCodeRequest): string {
  const which = esoTapService(r.serviceUrl)
  if (!which) {
    return [
      `# astroquery.eso reaches ESO's own tap_obs and tap_cat only; ${r.serviceUrl} is neither.`,
      '# Use the pyvo code for this service.',
      '',
    ].join('\n')
  }
  const maxrec = checkedMaxrec(r.maxrec)
  const lines = [which === 'tap_cat' ? 'from astroquery.eso import Eso, conf' : 'from astroquery.eso import Eso', '']
  // astroquery.eso asks the service its configuration names; tap_obs is its default
  if (which === 'tap_cat') lines.push(`conf.tap_url = ${pyString(base(r.serviceUrl))}`)
  lines.push('eso = Eso()')
  if (maxrec !== undefined) lines.push(`eso.ROW_LIMIT = ${maxrec}`)
  // astroquery logs in by itself (password prompt or keyring); it takes no token
  if (r.authorised) lines.push('eso.login(username="YOUR_ESO_USERNAME")')
  lines.push(`query = ${pyString(r.query)}`, '', `table = eso.query_tap_service(query${r.authorised ? ', authenticated=True' : ''})`, 'print(table)')
  return lines.join('\n') + '\n'
}

function curlCode(r: TapCodeRequest): string {
  const maxrec = checkedMaxrec(r.maxrec)
  const auth = curlAuth(r.authorised)
  const lines = [`TAP=${shellString(base(r.serviceUrl))}`, ...tokenGuard(r.authorised)]
  const params = [`--data-urlencode ${shellString(`QUERY=${r.query}`)}`, '-d REQUEST=doQuery', '-d LANG=ADQL']
  if (maxrec !== undefined) params.push(`-d MAXREC=${maxrec}`)
  if (r.format && r.mode === 'sync') params.push(`--data-urlencode ${shellString(`RESPONSEFORMAT=${r.format}`)}`)
  if (r.mode === 'sync') {
    lines.push(`curl -sS${auth} \\`, ...params.map((p) => `  ${p} \\`), '  "$TAP/sync"')
    return lines.join('\n') + '\n'
  }
  if (r.format) params.push(`--data-urlencode ${shellString(`RESPONSEFORMAT=${r.format}`)}`)
  lines.push(
    '# create the job: the service answers with its URL (303 See Other)',
    `JOB=$(curl -sS -o /dev/null -w '%{redirect_url}'${auth} \\`,
    ...params.map((p) => `  ${p} \\`),
    '  "$TAP/async")',
    `curl -sS -o /dev/null${auth} -d PHASE=RUN "$JOB/phase"`,
    'while :; do',
    `  PHASE=$(curl -sS${auth} "$JOB/phase")`,
    '  case "$PHASE" in COMPLETED|ERROR|ABORTED) break ;; esac',
    '  sleep 2',
    'done',
    'if [ "$PHASE" = COMPLETED ]; then',
    `  curl -sS${auth} "$JOB/results/result"`,
    'else',
    `  echo "job $PHASE" >&2; curl -sS${auth} "$JOB/error" >&2`,
    'fi',
    `curl -sS -o /dev/null${auth} -X DELETE "$JOB"`,
  )
  return lines.join('\n') + '\n'
}

/** Code that runs this TAP query outside the app, reaching the service directly. */
export function tapCode(flavour: TapFlavour, r: TapCodeRequest): string {
  if (flavour === 'pyvo') return pyvoCode(r)
  if (flavour === 'astroquery') return astroqueryCode(r)
  return curlCode(r)
}
