/** The /datalink view: one product's DataLink panel at a shareable URL (`?id=` dp_id, publisher DID or DataLink URL). */
import { useEffect, useState } from 'react'
import { useRoute, useSetParams } from '../../state/route'
import { DataLinkPanel } from './DataLinkPanel'

export function DataLinkView() {
  const { params } = useRoute()
  const setParams = useSetParams()
  const id = params.get('id') ?? ''
  const [draft, setDraft] = useState(id)
  useEffect(() => setDraft(id), [id])
  return (
    <section className="view datalink-view" aria-label="DataLink">
      <form
        className="toolbar panel"
        onSubmit={(e) => {
          e.preventDefault()
          setParams({ id: draft.trim() })
        }}
      >
        <label>
          Product{' '}
          <input type="text" className="dl-wide" aria-label="Product id, publisher DID or DataLink URL" placeholder="ADP.2021-05-10T12:00:01.001, ivo://… or a DataLink URL" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          Show links
        </button>
      </form>
      {id ? <DataLinkPanel key={id} target={id} region={params.get('dlregion')} /> : <p className="muted">Give a product to see everything related to it.</p>}
    </section>
  )
}
