import { describe, expect, it } from 'vitest'
import { jobElapsed, jobServiceUrl } from './jobs'

describe('jobElapsed', () => {
  it('is empty before the job started', () => {
    expect(jobElapsed(undefined, undefined)).toBe('')
    expect(jobElapsed('not a time', undefined)).toBe('')
  })
  it('counts seconds, minutes and hours between start and end', () => {
    expect(jobElapsed('2026-12-03T07:00:00Z', '2026-12-03T07:00:42Z')).toBe('42 s')
    expect(jobElapsed('2026-12-03T07:00:00Z', '2026-12-03T07:03:30Z')).toBe('3.5 min')
    expect(jobElapsed('2026-12-03T07:00:00Z', '2026-12-03T09:06:00Z')).toBe('2.1 h')
  })
  it('counts up to now for a running job', () => {
    expect(jobElapsed('2026-12-03T07:00:00Z', undefined, Date.parse('2026-12-03T07:00:05Z'))).toBe('5 s')
  })
})

describe('jobServiceUrl', () => {
  const eso = ['https://archive.eso.org/tap_obs', 'https://archive.eso.org/tap_cat']
  it('is the service the job lies under', () => {
    expect(jobServiceUrl('https://archive.eso.org/tap_cat/async/abc', eso)).toBe('https://archive.eso.org/tap_cat')
  })
  it('is the one service on the same host when the job lies elsewhere on it (DaCHS)', () => {
    const local = ['http://127.0.0.1:18080/tap', 'http://127.0.0.1:18080/tap']
    expect(jobServiceUrl('http://127.0.0.1:18080/__system__/tap/run/async/oveiu998', local)).toBe('http://127.0.0.1:18080/tap')
  })
  it('is the URL before /async/ when no known service claims the job', () => {
    expect(jobServiceUrl('https://archive.eso.org/other/async/x', eso)).toBe('https://archive.eso.org/other')
    expect(jobServiceUrl('https://tap.example.org/tap/async/x', eso)).toBe('https://tap.example.org/tap')
  })
})
