import { useRuntime } from '../../app/runtime'

export function SpectraView() {
  const rt = useRuntime()
  return (
    <section className="view panel" aria-label="Spectra">
      <h2>Spectra</h2>
      <p>Spectral search (SSAP) with spectrum previews — arrives with the data-products view.</p>
      <p className="muted">Profile: {rt.profile.label}</p>
    </section>
  )
}
