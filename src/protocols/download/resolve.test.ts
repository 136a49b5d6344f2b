// ESO's live DataLink cannot be reached here: a stand-in fetch answers with DataLink documents shaped like ESO's
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { mapLimited, resolveFiles, type DownloadTarget } from './index'

const links = (id: string, withLength: boolean) => `<?xml version="1.0"?><VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results"><TABLE>
<FIELD name="ID" datatype="char" arraysize="*"/><FIELD name="access_url" datatype="char" arraysize="*"/><FIELD name="semantics" datatype="char" arraysize="*"/><FIELD name="content_type" datatype="char" arraysize="*"/><FIELD name="content_length" datatype="long"/>
<DATA><TABLEDATA><TR><TD>ivo://eso.org/ID?${id}</TD><TD>https://dataportal.eso.org/dataPortal/file/${id}</TD><TD>#this</TD><TD>application/fits</TD><TD>${withLength ? '5000' : ''}</TD></TR>
<TR><TD>ivo://eso.org/ID?${id}</TD><TD>https://archive.eso.org/previews/v1/files/${id}/preview</TD><TD>#preview</TD><TD>image/jpeg</TD><TD>1000000</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`

function client(delayMs = 0) {
  const state = { inFlight: 0, most: 0, urls: [] as string[] }
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    state.urls.push(url)
    state.inFlight++
    state.most = Math.max(state.most, state.inFlight)
    // like fetch, it gives up when the request's signal is aborted
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, delayMs)
      init?.signal?.addEventListener('abort', () => (clearTimeout(t), reject(init.signal!.reason)), { once: true })
    }).finally(() => state.inFlight--)
    if (url.includes('/dataPortal/file/')) return new Response('SIMPLE  =                    T', { headers: { 'Content-Type': 'application/fits', 'Content-Length': '30' } })
    const id = decodeURIComponent(url).replace(/^.*ID\?/, '').replace(/^.*\/links\//, '')
    return new Response(links(id, !id.endsWith('nolength')), { headers: { 'Content-Type': 'application/x-votable+xml;content=datalink' } })
  }) as typeof fetch
  return { http: new HttpClient({ proxy: new ProxyMap([], 'http://app.test'), fetchImpl, defaultRetries: 0 }), state }
}

describe('resolveFiles', () => {
  it('keeps only #this links, with DataLink content_length or else the row estimate', async () => {
    const { http } = client()
    const targets: DownloadTarget[] = [
      { row: 0, label: 'ADP.1', datalink: { dpId: 'ADP.1' }, estimatedSize: 9 },
      { row: 1, label: 'ADP.2.nolength', datalink: { dpId: 'ADP.2.nolength' }, estimatedSize: 7000 },
      { row: 2, label: 'ADP.3', file: { url: 'https://dataportal.eso.org/dataPortal/file/ADP.3', size: 3 } },
    ]
    const r = await resolveFiles(http, targets, { baseUrl: 'https://archive.eso.org/datalink/links' })
    expect(r.unresolved).toEqual([])
    expect(r.files.map((f) => [f.label, f.url, f.size])).toEqual([
      ['ADP.1', 'https://dataportal.eso.org/dataPortal/file/ADP.1', 5000],
      ['ADP.2.nolength', 'https://dataportal.eso.org/dataPortal/file/ADP.2.nolength', 7000],
      ['ADP.3', 'https://dataportal.eso.org/dataPortal/file/ADP.3', 3],
    ])
  })

  it('tells a DataLink link from a file by what the service answers, when the row does not say (no access_format)', async () => {
    const { http, state } = client()
    const targets: DownloadTarget[] = [
      // ObsCore access_url pointing at DataLink, but the result has no access_format column
      { row: 0, label: 'ADP.7', file: { url: 'https://archive.eso.org/datalink/links/ADP.7' }, estimatedSize: 5000 },
      { row: 1, label: 'ADP.8', file: { url: 'https://dataportal.eso.org/dataPortal/file/ADP.8' } },
    ]
    const r = await resolveFiles(http, targets)
    expect(r.unresolved).toEqual([])
    expect(r.files.map((f) => [f.label, f.url, f.size, f.contentType])).toEqual([
      ['ADP.7', 'https://dataportal.eso.org/dataPortal/file/ADP.7', 5000, 'application/fits'],
      ['ADP.8', 'https://dataportal.eso.org/dataPortal/file/ADP.8', 30, 'application/fits'],
    ])
    // the DataLink document was asked once, not saved as the file
    expect(state.urls.filter((u) => u.endsWith('/links/ADP.7'))).toHaveLength(1)
  })

  it('never has more DataLink requests running than the limit, and reports progress for each row', async () => {
    const { http, state } = client(15)
    const targets: DownloadTarget[] = Array.from({ length: 9 }, (_, i) => ({ row: i, label: `ADP.${i}`, datalink: { dpId: `ADP.${i}` } }))
    const progress: number[] = []
    const r = await resolveFiles(http, targets, { baseUrl: 'https://archive.eso.org/datalink/links', concurrency: 3, onProgress: (d) => progress.push(d) })
    expect(r.files).toHaveLength(9)
    expect(state.most).toBe(3)
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('reports a row without a way to its files, and stops when cancelled', async () => {
    const { http } = client(20)
    expect((await resolveFiles(http, [{ row: 4, label: 'row 5' }])).unresolved).toEqual([{ row: 4, label: 'row 5', reason: 'the row has no access_url, datalink_url or dp_id' }])
    const abort = new AbortController()
    const pending = resolveFiles(http, [{ row: 0, label: 'ADP.1', datalink: { dpId: 'ADP.1' } }], { baseUrl: 'https://archive.eso.org/datalink/links', signal: abort.signal })
    abort.abort()
    await expect(pending).rejects.toThrow()
  })
})

describe('mapLimited', () => {
  it('keeps the order of the items', async () => {
    expect(await mapLimited([30, 10, 20], 2, async (ms, i) => (await new Promise((r) => setTimeout(r, ms)), i))).toEqual([0, 1, 2])
  })
})
