import { describe, expect, it } from 'vitest'
import { savedText, workerFailureText } from './streamedDownload'

describe('savedText', () => {
  it('says a streamed file is being written, with its size when known', () => {
    expect(savedText({ name: 'cube.fits', size: 2_500_000_000, streamed: true })).toBe('Saving cube.fits (2.3 GiB): your browser writes it to disk as it arrives')
    expect(savedText({ name: 'cube.fits', streamed: true })).toBe('Saving cube.fits: your browser writes it to disk as it arrives')
  })
  it('says a file saved from memory is downloaded', () => {
    expect(savedText({ name: 'a.fits', size: 40320, streamed: false })).toBe('Downloaded a.fits (39 KiB)')
  })
})

describe('workerFailureText', () => {
  const host = 'dataportal.eso.org'
  it('turns 401/403 into the login advice', () => {
    expect(workerFailureText({ type: 'failed', reason: 'status', status: 401, challenge: 'Bearer error="invalid_token", error_description="expired"' }, host)).toBe(
      'dataportal.eso.org did not accept your login (expired): log in again.',
    )
    expect(workerFailureText({ type: 'failed', reason: 'status', status: 401, challenge: null }, host)).toContain('needs a login for this')
    expect(workerFailureText({ type: 'failed', reason: 'status', status: 403 }, host)).toContain('You lack permission')
  })
  it('names other statuses, redirects and network failures', () => {
    expect(workerFailureText({ type: 'failed', reason: 'status', status: 503 }, host)).toBe('dataportal.eso.org answered 503 to the download.')
    expect(workerFailureText({ type: 'failed', reason: 'redirect', status: 200 }, host)).toBe('dataportal.eso.org redirected the download; your credentials were not sent onwards. Try again.')
    expect(workerFailureText({ type: 'failed', reason: 'network', message: 'Failed to fetch' }, host)).toBe('Could not reach dataportal.eso.org for the download (Failed to fetch).')
  })
})
