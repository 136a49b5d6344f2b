import { useRuntime } from '../../app/runtime'

export function SearchView() {
  const rt = useRuntime()
  return (
    <section className="view panel" aria-label="Search">
      <h2>Search</h2>
      <p>Search observations by position, wavelength and time (ObsCore, raw frames, catalogues) — arrives with the sky explorer.</p>
      <p className="muted">Profile: {rt.profile.label}</p>
    </section>
  )
}
