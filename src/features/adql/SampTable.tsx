/** A table another program sent over SAMP (table.load.votable), fetched through the HTTP door and shown as a result. */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../state/runtime'
import { linkSampTable, sampTranslatedUrl, useSamp, type SampState } from '../../state/samp'
import { HttpError, type HttpClient } from '../../protocols/http'
import { readDalResponse, readInWorker } from '../../protocols/dal'
import type { TapResult } from '../../protocols/tap'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ResultView } from './ResultPanel'

type Incoming = NonNullable<SampState['incomingTable']>

async function fetchTable(http: HttpClient, url: string, signal: AbortSignal): Promise<Response> {
  try {
    return await http.request(url, { signal, timeoutMs: 10 * 60_000 })
  } catch (e) {
    // a service that allows no cross-origin reads and has no proxy route: the hub's translator fetches it for us
    const translated = e instanceof HttpError && e.kind === 'network' ? sampTranslatedUrl(url) : undefined
    if (!translated) throw e
    return http.request(translated, { signal, timeoutMs: 10 * 60_000, withCredentials: false })
  }
}

/** Read like any service answer: streamed in the VOTable worker, status and the result table by the DAL reader. */
async function loadIncoming(http: HttpClient, incoming: Incoming, signal: AbortSignal): Promise<TapResult> {
  const res = await fetchTable(http, incoming.url, signal)
  const result = await readDalResponse(res, { what: 'The table sent over SAMP', url: incoming.url, read: readInWorker, signal })
  // row messages that follow name this table by the sender's table-id and URL
  linkSampTable(result.table, incoming.url, incoming.tableId)
  return { ...result, fetchUrl: incoming.url }
}

/** The table sent over SAMP to show in place of the last result: each new one shows until the next run hides it. */
export function useIncomingTable() {
  const incoming = useSamp().incomingTable
  const [shown, setShown] = useState(incoming?.seq)
  const [seen, setSeen] = useState(incoming?.seq)
  if (incoming?.seq !== seen) {
    setSeen(incoming?.seq)
    setShown(incoming?.seq)
  }
  return { sampTable: incoming && incoming.seq === shown ? incoming : undefined, hideSampTable: () => setShown(undefined) }
}

export function SampTableResult({ incoming, dark }: { incoming: Incoming; dark: boolean }) {
  const rt = useRuntime()
  const samp = useSamp()
  const result = useQuery({
    queryKey: ['samp-table', incoming.seq, incoming.url],
    queryFn: ({ signal }) => loadIncoming(rt.http, incoming, signal),
    staleTime: Infinity,
    retry: false,
  })
  const sender = samp.clients.find((c) => c.id === incoming.sender)?.name ?? incoming.sender
  const name = incoming.name ?? incoming.tableId ?? 'SAMP table'
  return (
    <div className="samp-table">
      <p className="banner info" role="status" aria-label="Table received over SAMP">
        {name}, sent by {sender} over SAMP{result.data ? ` · ${result.data.table.rowCount.toLocaleString('en')} rows` : ''}
      </p>
      {result.isFetching && <p className="muted">Loading the table from {incoming.url}…</p>}
      {result.error && <ErrorNotice error={result.error} />}
      {result.data && <ResultView result={result.data} dark={dark} name={name} />}
    </div>
  )
}
