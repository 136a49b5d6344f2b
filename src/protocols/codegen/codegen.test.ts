import { describe, expect, it } from 'vitest'
import { codeChoices, credentialUrlOf, dataLinkCode, esoTapService, sodaCode, sourceCode, tapCode, type TapCodeRequest } from './index'

const OBS = 'https://archive.eso.org/tap_obs'
const base: TapCodeRequest = { serviceUrl: OBS, query: "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE obs_collection = 'MUSE'", mode: 'sync', authorised: false }

describe('tapCode pyvo', () => {
  it('runs a sync query with MAXREC', () => {
    const code = tapCode('pyvo', { ...base, maxrec: 100 })
    expect(code).toContain(`service = pyvo.dal.TAPService("${OBS}")`)
    expect(code).toContain(`query = "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE obs_collection = 'MUSE'"`)
    expect(code).toContain('table = service.run_sync(query, maxrec=100).to_table()')
    expect(code).not.toMatch(/requests|ESO_TOKEN|Authorization/)
  })

  it('leaves MAXREC to the service when none is given', () => {
    expect(tapCode('pyvo', base)).toContain('service.run_sync(query).to_table()')
  })

  it('submits, waits for, fetches and deletes an async job', () => {
    const code = tapCode('pyvo', { ...base, mode: 'async', maxrec: 7 })
    expect(code).toContain('job = service.submit_job(query, maxrec=7)')
    expect(code.indexOf('job.run()')).toBeLessThan(code.indexOf('job.wait('))
    expect(code).toContain('table = job.fetch_result().to_table()')
    expect(code).toContain('job.delete()')
  })

  it('reads the token from ESO_TOKEN into a requests.Session when the query runs authorised', () => {
    const code = tapCode('pyvo', { ...base, authorised: true })
    expect(code).toContain('session = requests.Session()')
    expect(code).toContain('session.headers["Authorization"] = "Bearer " + os.environ["ESO_TOKEN"]')
    expect(code).toContain(`pyvo.dal.TAPService("${OBS}", session=session)`)
  })

  it('drops a trailing slash from the service URL and refuses a MAXREC that is not a whole number', () => {
    expect(tapCode('pyvo', { ...base, serviceUrl: `${OBS}/` })).toContain(`TAPService("${OBS}")`)
    expect(() => tapCode('pyvo', { ...base, maxrec: 1.5 })).toThrow(RangeError)
    expect(() => tapCode('curl', { ...base, maxrec: -1 })).toThrow(RangeError)
  })
})

describe('tapCode astroquery', () => {
  it("knows ESO's two TAP services only", () => {
    expect(esoTapService(OBS)).toBe('tap_obs')
    expect(esoTapService('https://archive.eso.org/tap_cat/')).toBe('tap_cat')
    expect(esoTapService('http://127.0.0.1:18080/tap')).toBeUndefined()
  })

  it('queries tap_obs with query_tap_service and the row limit', () => {
    const code = tapCode('astroquery', { ...base, maxrec: 50 })
    expect(code).toContain('from astroquery.eso import Eso')
    expect(code).toContain('eso.ROW_LIMIT = 50')
    expect(code).toContain('table = eso.query_tap_service(query)')
    expect(code).not.toContain('conf.tap_url')
  })

  it('points astroquery at tap_cat for a catalogue query', () => {
    const code = tapCode('astroquery', { ...base, serviceUrl: 'https://archive.eso.org/tap_cat' })
    expect(code).toContain('conf.tap_url = "https://archive.eso.org/tap_cat"')
  })

  it('lets astroquery log in itself when authorised (it takes no token)', () => {
    const code = tapCode('astroquery', { ...base, authorised: true })
    expect(code).toContain('eso.login(')
    expect(code).toContain('eso.query_tap_service(query, authenticated=True)')
    expect(code).not.toContain('ESO_TOKEN')
  })

  it('says so for a service that is not ESO’s', () => {
    const code = tapCode('astroquery', { ...base, serviceUrl: 'http://127.0.0.1:18080/tap' })
    expect(code).toMatch(/^# astroquery\.eso reaches ESO's own tap_obs and tap_cat only/)
    expect(code).toContain('pyvo')
    expect(code).not.toContain('import')
  })
})

describe('tapCode curl', () => {
  it('posts a sync query with every parameter', () => {
    const code = tapCode('curl', { ...base, maxrec: 10, format: 'votable/td' })
    expect(code).toContain(`TAP='${OBS}'`)
    expect(code).toContain(`--data-urlencode 'QUERY=SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE obs_collection = '\\''MUSE'\\'''`)
    expect(code).toContain('-d REQUEST=doQuery')
    expect(code).toContain('-d LANG=ADQL')
    expect(code).toContain('-d MAXREC=10')
    expect(code).toContain(`--data-urlencode 'RESPONSEFORMAT=votable/td'`)
    expect(code).toContain('"$TAP/sync"')
  })

  it('runs the UWS flow for an async job: create, PHASE=RUN, poll, result, DELETE', () => {
    const code = tapCode('curl', { ...base, mode: 'async' })
    const steps = ['"$TAP/async"', '-d PHASE=RUN "$JOB/phase"', 'PHASE=$(curl', '"$JOB/results/result"', '-X DELETE "$JOB"']
    const at = steps.map((s) => code.indexOf(s))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })

  it('sends the token from the environment on every request when authorised', () => {
    const code = tapCode('curl', { ...base, mode: 'async', authorised: true })
    expect(code).toContain(': "${ESO_TOKEN:?')
    expect(code.match(/-H "Authorization: Bearer \$ESO_TOKEN"/g)).toHaveLength(6)
  })
})

describe('dataLinkCode and sodaCode', () => {
  const dl = 'https://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.2016-01-01T00:00:00.000'
  it('reads a DataLink document with pyvo.dal.adhoc or curl', () => {
    const py = dataLinkCode('python', { url: dl, authorised: false })
    expect(py).toContain(`DatalinkResults.from_result_url("${dl}")`)
    expect(dataLinkCode('python', { url: dl, authorised: true })).toContain(', session=session)')
    expect(dataLinkCode('curl', { url: dl, authorised: false })).toBe(`curl -sS '${dl}'\n`)
  })

  it('downloads a cutout with the parameters as given, in order', () => {
    const params = [['ID', 'ivo://eso.org/ID?ADP.1'], ['CIRCLE', '10 -20 0.1'], ['BAND', '5e-7 6e-7']] as const
    const py = sodaCode('python', { accessUrl: 'https://dataportal.eso.org/soda', params, authorised: false })
    expect(py).toContain('    ("ID", "ivo://eso.org/ID?ADP.1"),\n    ("CIRCLE", "10 -20 0.1"),\n    ("BAND", "5e-7 6e-7"),')
    expect(py).toContain('session.get("https://dataportal.eso.org/soda", params=params, stream=True)')
    const sh = sodaCode('curl', { accessUrl: 'https://dataportal.eso.org/soda', params, authorised: true }, 'x.fits')
    expect(sh).toContain(`curl -sS -G -H "Authorization: Bearer $ESO_TOKEN" -o 'x.fits'`)
    expect(sh).toContain(`--data-urlencode 'CIRCLE=10 -20 0.1'`)
  })
})

describe('codeChoices, credentialUrlOf, sourceCode', () => {
  const tap = { kind: 'tap' as const, serviceUrl: 'http://127.0.0.1:18080/tap/', query: 'SELECT 1', mode: 'async' as const }
  it('offers astroquery for ESO services only, and Python or curl for links', () => {
    expect(codeChoices(tap).map((c) => [c.label, !!c.unavailable])).toEqual([['pyvo', false], ['astroquery.eso', true], ['curl', false]])
    expect(codeChoices({ ...tap, serviceUrl: OBS }).every((c) => !c.unavailable)).toBe(true)
    expect(codeChoices({ kind: 'datalink', url: 'http://x/dl?ID=1' }).map((c) => c.flavour)).toEqual(['python', 'curl'])
  })

  it('names the endpoint whose credentials apply', () => {
    expect(credentialUrlOf(tap)).toBe('http://127.0.0.1:18080/tap/async')
    expect(credentialUrlOf({ kind: 'soda', accessUrl: 'http://x/soda', params: [] })).toBe('http://x/soda')
  })

  it('dispatches to the generators and refuses a flavour the request has not', () => {
    expect(sourceCode(tap, 'pyvo', true)).toBe(tapCode('pyvo', { ...tap, authorised: true }))
    expect(sourceCode({ kind: 'datalink', url: 'http://x/dl?ID=1' }, 'curl', false)).toBe(dataLinkCode('curl', { url: 'http://x/dl?ID=1', authorised: false }))
    expect(sourceCode({ kind: 'soda', accessUrl: 'http://x/soda', params: [['ID', '1']], filename: 'a.fits' }, 'curl', false)).toContain("-o 'a.fits'")
    expect(() => sourceCode(tap, 'python', false)).toThrow(RangeError)
    expect(() => sourceCode({ kind: 'datalink', url: 'http://x' }, 'pyvo', false)).toThrow(RangeError)
  })
})
