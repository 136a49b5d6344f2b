/** The /datalink view: one product's DataLink panel at a shareable URL (`?id=` dp_id, publisher DID or DataLink URL). */
import { useRoute, useSetParams } from '../../state/route'
import { DataLinkPanel } from './DataLinkPanel'
import { useFieldDraft } from '../../state/fieldDraft'

export function DataLinkView() {
  const { params } = useRoute()
  const setParams = useSetParams()
  const id = params.get('id') ?? ''
  // typed and not yet shown: kept over a reload; a link or back/forward brings its own
  const [draft, setDraft] = useFieldDraft('datalink-id', params.get('id'))
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
