import { describe, expect, it } from 'vitest'
import { parseJob, parseJobList, toPhase } from './job'

// shaped after the UWS 1.1 recommendation's examples (namespace prefixes, xlink, nil elements)
const JOB = `<?xml version="1.0" encoding="UTF-8"?>
<uws:job xmlns:uws="http://www.ivoa.net/xml/UWS/v1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1">
  <uws:jobId>3a9xk2</uws:jobId>
  <uws:runId>my run</uws:runId>
  <uws:ownerId xsi:nil="true"/>
  <uws:phase>ERROR</uws:phase>
  <uws:quote xsi:nil="true"></uws:quote>
  <uws:creationTime>2026-11-25T10:00:00Z</uws:creationTime>
  <uws:startTime>2026-11-25T10:00:01Z</uws:startTime>
  <uws:endTime>2026-11-25T10:00:03Z</uws:endTime>
  <uws:executionDuration>3600</uws:executionDuration>
  <uws:destruction>2026-12-02T10:00:00Z</uws:destruction>
  <uws:parameters>
    <uws:parameter id="QUERY">SELECT * FROM ivoa.ObsCore WHERE s_ra &lt; 10</uws:parameter>
    <uws:parameter id="LANG">ADQL</uws:parameter>
  </uws:parameters>
  <uws:results>
    <uws:result id="result" xlink:type="simple" xlink:href="http://h/tap/async/3a9xk2/results/result" size="1234" mime-type="application/x-votable+xml"/>
  </uws:results>
  <uws:errorSummary type="fatal" hasDetail="true"><uws:message>Could not parse query</uws:message></uws:errorSummary>
</uws:job>`

describe('UWS job documents', () => {
  it('reads every field of a job, with entities decoded and nil elements absent', () => {
    const j = parseJob(JOB)
    expect(j.jobId).toBe('3a9xk2')
    expect(j.runId).toBe('my run')
    expect(j.ownerId).toBeUndefined()
    expect(j.quote).toBeUndefined()
    expect(j.phase).toBe('ERROR')
    expect(j.executionDuration).toBe(3600)
    expect(j.destruction).toBe('2026-12-02T10:00:00Z')
    expect(j.parameters.QUERY).toBe('SELECT * FROM ivoa.ObsCore WHERE s_ra < 10')
    expect(j.results).toEqual([{ id: 'result', href: 'http://h/tap/async/3a9xk2/results/result', size: 1234, mimeType: 'application/x-votable+xml' }])
    expect(j.error).toEqual({ type: 'fatal', message: 'Could not parse query', hasDetail: true })
  })

  it('reads job lists', () => {
    const list = parseJobList(`<uws:jobs xmlns:uws="http://www.ivoa.net/xml/UWS/v1.0" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1">
      <uws:jobref id="a1" xlink:href="http://h/tap/async/a1"><uws:phase>EXECUTING</uws:phase><uws:creationTime>2026-11-25T10:00:00Z</uws:creationTime></uws:jobref>
      <uws:jobref id="b2"><uws:phase>held</uws:phase></uws:jobref>
    </uws:jobs>`)
    expect(list).toEqual([
      { jobId: 'a1', href: 'http://h/tap/async/a1', phase: 'EXECUTING', runId: undefined, ownerId: undefined, creationTime: '2026-11-25T10:00:00Z' },
      { jobId: 'b2', href: undefined, phase: 'HELD', runId: undefined, ownerId: undefined, creationTime: undefined },
    ])
  })

  it('knows every UWS phase and maps anything else to UNKNOWN', () => {
    for (const p of ['PENDING', 'QUEUED', 'EXECUTING', 'COMPLETED', 'ERROR', 'ABORTED', 'HELD', 'SUSPENDED', 'ARCHIVED']) expect(toPhase(p)).toBe(p)
    expect(toPhase('RUNNING')).toBe('UNKNOWN')
  })

  it('refuses documents that are not jobs, and truncated XML', () => {
    expect(() => parseJob('<VOTABLE/>')).toThrow(/not a UWS job document/)
    expect(() => parseJob(JOB.slice(0, 300))).toThrow(/ends inside/)
  })
})
