import { useRuntime } from '../../app/runtime'

export function JobsView() {
  const rt = useRuntime()
  return (
    <section className="view panel" aria-label="Jobs">
      <h2>Jobs</h2>
      <p>Asynchronous TAP jobs started from this browser — arrives with the ADQL workbench.</p>
      <p className="muted">Profile: {rt.profile.label}</p>
    </section>
  )
}
