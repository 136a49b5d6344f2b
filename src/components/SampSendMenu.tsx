/** "Send to…": a menu of the SAMP clients that receive a message type, shown while connected to a hub. */
import { useState } from 'react'
import { MTYPES, fileMessageKind, loadImageMessage, loadTableMessage, pointAtSkyMessage } from '../protocols/samp'
import { skyColumns } from '../protocols/table'
import type { Table } from '../protocols/votable'
import { clientsFor, sampSend, sendSampTable, useSamp } from '../state/samp'

interface Props {
  mtype: string
  /** What is sent, for the menu's name: "table", "spectrum", "image"… */
  what: string
  /** Sends to one client, or to all that receive the MType when `to` is undefined. */
  send: (to: string | undefined) => Promise<void>
  /** The menu's accessible name when there are several on the page (default "Send <what> to SAMP client"). */
  label?: string
  /** Why it cannot be sent (e.g. no URL other programs can fetch); the menu is then disabled and says so. */
  unavailable?: string
}

export function SampSendMenu({ mtype, what, send, label = `Send ${what} to SAMP client`, unavailable }: Props) {
  const samp = useSamp()
  const [said, setSaid] = useState<{ text: string; error?: boolean }>()
  if (samp.status !== 'connected') return null
  const targets = clientsFor(samp.clients, mtype)
  return (
    <span className="samp-send">
      <select
        aria-label={label}
        value=""
        disabled={!!unavailable || targets.length === 0}
        title={unavailable ?? (targets.length ? `Send the ${what} over SAMP (${mtype})` : `No connected client receives ${mtype}`)}
        onChange={(e) => {
          const to = e.target.value === '*' ? undefined : e.target.value
          const name = to ? targets.find((c) => c.id === to)?.name : 'all clients'
          send(to).then(
            () => setSaid({ text: `Sent the ${what} to ${name}` }),
            (err: unknown) => setSaid({ text: `Could not send the ${what}: ${err instanceof Error ? err.message : String(err)}`, error: true }),
          )
        }}
      >
        <option value="">Send {what} to…</option>
        {targets.length > 1 && <option value="*">All clients</option>}
        {targets.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {unavailable && <span className="muted samp-unavailable">{unavailable}</span>}
      {said && (
        <span className={said.error ? 'field-error' : 'muted'} role="status">
          {said.text}
        </span>
      )}
    </span>
  )
}

/** Sends a result table by URL (table.load.votable); a table without a URL others can fetch says so. */
export function SampTableSend({ table, url, name }: { table: { rowCount: number }; url?: string; name: string }) {
  return (
    <SampSendMenu
      mtype={MTYPES.loadTable}
      what="table"
      send={(to) => sendSampTable(table, url!, name, to)}
      unavailable={url ? undefined : 'This table has no URL other programs can fetch (it exists only in this page), so it cannot be sent over SAMP.'}
    />
  )
}

/** Sends a file by URL to the clients that load its kind (a DataLink row, a cutout); nothing for other kinds. */
export function SampFileSend({ url, contentType, name }: { url: string; contentType?: string; name: string }) {
  const kind = fileMessageKind(contentType)
  if (!kind) return null
  const message = kind === 'image' ? loadImageMessage(url, name) : loadTableMessage(url, url, name)
  return <SampSendMenu mtype={message['samp.mtype']} what={kind === 'image' ? 'file' : 'table'} label={`Send ${name} to SAMP client`} send={(to) => sampSend(message, to)} />
}

/** The sky position of one row (its main RA/Dec columns), in degrees; undefined when it has none. */
function rowPosition(table: Table, row: number): { ra: number; dec: number } | undefined {
  const { ra, dec } = skyColumns(table)
  if (ra < 0 || dec < 0) return undefined
  const a = Number(table.value(row, ra))
  const d = Number(table.value(row, dec))
  return Number.isFinite(a) && Number.isFinite(d) && table.value(row, ra) !== null && table.value(row, dec) !== null ? { ra: a, dec: d } : undefined
}

/** Points the other clients' sky views at the selected row's position (coord.pointAt.sky); only for one row with one. */
export function SampPositionSend({ table, rows }: { table: Table; rows: readonly number[] }) {
  const at = rows.length === 1 ? rowPosition(table, rows[0]!) : undefined
  if (!at) return null
  return <SampSendMenu mtype={MTYPES.pointAtSky} what="position" send={(to) => sampSend(pointAtSkyMessage(at.ra, at.dec), to)} />
}
