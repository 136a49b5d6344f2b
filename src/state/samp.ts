/**
 * The SAMP connection (Web Profile) of the page: whether it is connected, the other clients, and the messages
 * the views act on. One store for every view, so features do not talk to each other; state/auth.ts's pattern.
 */
import { useEffect, useSyncExternalStore } from 'react'
import {
  MTYPES,
  SampNoHubError,
  SampRefusedError,
  SampSession,
  loadTableMessage,
  newTableId,
  readHighlightRow,
  readLoadTable,
  readRowList,
  readSkyPosition,
  readTableRef,
  refersTo,
  sampErrorText,
  selectRowsMessage,
  subscribes,
  type SampClient,
  type SampMessage,
  type TableToLoad,
} from '../protocols/samp'
import { navigate } from './route'

export type SampStatus = 'off' | 'connecting' | 'connected' | 'no-hub' | 'refused' | 'lost'

export interface SampState {
  status: SampStatus
  /** What went wrong, in words, for the no-hub, refused and lost states. */
  problem?: string
  clients: SampClient[]
  /** The last table another client sent (`seq` counts them, so the same URL can come twice). */
  incomingTable?: TableToLoad & { seq: number; sender: string }
  /** The last sky position another client pointed at. */
  pointAt?: { ra: number; dec: number; seq: number }
}

export const NO_HUB_TEXT = 'No SAMP hub is running: start TOPCAT or Aladin Desktop, then connect'
export const APP_NAME = 'ESO Archive Explorer'
const RECEIVES = [MTYPES.loadTable, MTYPES.selectRows, MTYPES.highlightRow, MTYPES.pointAtSky]

let state: SampState = { status: 'off', clients: [] }
let session: SampSession | undefined
const listeners = new Set<() => void>()
let seq = 0

function commit(next: Partial<SampState>): void {
  state = { ...state, ...next }
  for (const l of listeners) l()
}

export function getSamp(): SampState {
  return state
}

/** Registers with the hub; the hub may ask the user first (a dialog in TOPCAT or Aladin). */
export async function connectSamp(): Promise<void> {
  if (session && !session.isClosed) return
  commit({ status: 'connecting', problem: undefined })
  try {
    const s = await SampSession.connect({
      name: APP_NAME,
      meta: { 'samp.description.text': 'Queries and browses the ESO science archive', 'samp.homepage.url': location.origin },
      mtypes: RECEIVES,
      onMessage: receive,
      onClients: (clients) => commit({ clients }),
      onClose: () => {
        if (session !== s) return
        session = undefined
        commit({ status: 'lost', problem: 'The SAMP hub went away (it was closed, or it disconnected this page).', clients: [] })
      },
    })
    session = s
    commit({ status: 'connected', clients: s.list() })
  } catch (e) {
    if (e instanceof SampNoHubError) commit({ status: 'no-hub', problem: NO_HUB_TEXT })
    else if (e instanceof SampRefusedError) commit({ status: 'refused', problem: e.message })
    else commit({ status: 'refused', problem: `Could not connect to the SAMP hub: ${sampErrorText(e)}` })
  }
}

export function disconnectSamp(): void {
  const s = session
  session = undefined
  s?.close()
  commit({ status: 'off', problem: undefined, clients: [] })
}

/** Closes the note of what went wrong (the user read it). */
export function dismissSampProblem(): void {
  if (state.status !== 'connected' && state.status !== 'connecting') commit({ status: 'off', problem: undefined })
}

/** The connected clients that receive an MType. */
export function clientsFor(clients: readonly SampClient[], mtype: string): SampClient[] {
  return clients.filter((c) => subscribes(c.subscriptions, mtype))
}

/** Sends a message to one client, or to all that subscribe to it when `to` is undefined. */
export async function sampSend(message: SampMessage, to?: string): Promise<void> {
  if (!session) throw new Error('Not connected to a SAMP hub')
  if (to) await session.notify(to, message)
  else await session.notifyAll(message)
}

/** A URL another client sent, through the hub's URL translator (for a service that allows no cross-origin reads). */
export function sampTranslatedUrl(url: string): string | undefined {
  return session?.translateUrl(url)
}

// ——— tables known to the other clients: the ones the app sent and the ones it received, by table-id and URL

interface TableLink {
  tableId: string
  url: string
  rowCount: number
  /** The rows last set by another client: not sent back to it. */
  lastIncoming?: readonly number[]
}
const links = new WeakMap<object, TableLink>()

/** Ties a table to the id and URL the other clients know it by (they name rows by those). */
export function linkSampTable(table: { rowCount: number }, url: string, tableId?: string): TableLink {
  const known = links.get(table)
  if (known && known.url === url && (!tableId || known.tableId === tableId)) return known
  const link = { tableId: tableId ?? newTableId('eso-archive-explorer', ++seq), url, rowCount: table.rowCount }
  links.set(table, link)
  return link
}

export function sampLinkOf(table: object): TableLink | undefined {
  return links.get(table)
}

/** Sends a table by URL (table.load.votable), keeping its table-id for the row messages that follow. */
export async function sendSampTable(table: { rowCount: number }, url: string, name: string, to?: string): Promise<void> {
  const link = linkSampTable(table, url)
  await sampSend(loadTableMessage(url, link.tableId, name), to)
}

/** Tells the other clients which rows are selected, for a table they know; nothing otherwise. */
export function publishSampSelection(table: object, rows: readonly number[]): void {
  const link = links.get(table)
  if (!link || !session) return
  const last = link.lastIncoming
  if (last && last.length === rows.length && last.every((r, i) => r === rows[i])) return
  link.lastIncoming = undefined
  void sampSend(selectRowsMessage(link.tableId, link.url, rows)).catch(() => {})
}

type RowListener = (mtype: string, params: SampMessage['samp.params']) => void
const rowListeners = new Set<RowListener>()

/** Follows the rows other clients select (table.select.rowList) or highlight (table.highlight.row) in this table. */
export function useSampRowsIn(table: object, onRows: (rows: number[]) => void): void {
  useEffect(() => {
    const l: RowListener = (mtype, params) => {
      const link = links.get(table)
      if (!link || !refersTo(readTableRef(params), link.tableId, link.url)) return
      let rows: number[]
      if (mtype === MTYPES.highlightRow) {
        const row = readHighlightRow(params, link.rowCount)
        if (row === undefined) return
        rows = [row]
      } else rows = readRowList(params, link.rowCount)
      link.lastIncoming = [...rows].sort((a, b) => a - b)
      onRows(rows)
    }
    rowListeners.add(l)
    return () => void rowListeners.delete(l)
  }, [table, onRows])
}

function receive(sender: string, message: SampMessage): void {
  const mtype = message['samp.mtype']
  const params = message['samp.params']
  if (mtype === MTYPES.loadTable) {
    const table = readLoadTable(params)
    if (!table) throw new Error('table.load.votable without a url')
    commit({ incomingTable: { ...table, sender, seq: ++seq } })
    // the table opens in the ADQL view's result grid, wherever the user was
    const p = new URLSearchParams(location.search)
    p.delete('job')
    navigate('adql', location.pathname.endsWith('/adql') ? p : { profile: p.get('profile') ?? undefined })
  } else if (mtype === MTYPES.pointAtSky) {
    const at = readSkyPosition(params)
    if (!at) throw new Error('coord.pointAt.sky without a valid ra and dec')
    commit({ pointAt: { ...at, seq: ++seq } })
  } else if (mtype === MTYPES.selectRows || mtype === MTYPES.highlightRow) {
    for (const l of rowListeners) l(mtype, params)
  }
}

// a closed page unregisters, so that other clients do not keep sending to it (best effort: the page is going)
globalThis.addEventListener?.('pagehide', () => session?.close())

function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function useSamp(): SampState {
  return useSyncExternalStore(subscribe, () => state)
}
