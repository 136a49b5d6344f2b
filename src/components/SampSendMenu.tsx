/** "Send to…": a menu of the SAMP clients that receive a message type, shown while connected to a hub. */
import { useState } from 'react'
import { MTYPES } from '../protocols/samp'
import { clientsFor, sendSampTable, useSamp } from '../state/samp'

interface Props {
  mtype: string
  /** What is sent, for the menu's name: "table", "spectrum", "image"… */
  what: string
  /** Sends to one client, or to all that receive the MType when `to` is undefined. */
  send: (to: string | undefined) => Promise<void>
  /** Why it cannot be sent (e.g. no URL other programs can fetch); the menu is then disabled and says so. */
  unavailable?: string
}

export function SampSendMenu({ mtype, what, send, unavailable }: Props) {
  const samp = useSamp()
  const [said, setSaid] = useState<{ text: string; error?: boolean }>()
  if (samp.status !== 'connected') return null
  const targets = clientsFor(samp.clients, mtype)
  const label = `Send ${what} to SAMP client`
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
