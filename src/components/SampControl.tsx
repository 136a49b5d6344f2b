/** Connect to a SAMP hub (TOPCAT, Aladin Desktop, DS9 via a hub…), and see who else is there. */
import { connectSamp, disconnectSamp, dismissSampProblem, useSamp } from '../state/samp'

export function SampControl() {
  const samp = useSamp()
  const connected = samp.status === 'connected'
  const others = samp.clients
  return (
    <span className="samp-slot">
      <button
        type="button"
        aria-label={connected ? 'Disconnect from the SAMP hub' : 'Connect to a SAMP hub'}
        aria-pressed={connected}
        disabled={samp.status === 'connecting'}
        title={connected ? `Connected to SAMP: ${samp.clients.map((c) => c.name).join(', ') || 'no other clients'}` : 'Talk to TOPCAT, Aladin Desktop, SPLAT or DS9 through a SAMP hub'}
        onClick={() => (connected ? disconnectSamp() : void connectSamp())}
      >
        {connected ? 'SAMP ✓' : 'SAMP'}
      </button>
      <span className="samp-status" role="status" aria-label="SAMP status">
        {samp.status === 'connecting' && (
          <span className="samp-note">Waiting for the hub… It asks whether to accept this page the first time (a dialog in TOPCAT or Aladin).</span>
        )}
        {connected && <span className="muted">{others.length ? others.map((c) => c.name).join(', ') : 'no other SAMP clients yet'}</span>}
        {samp.problem && samp.status !== 'connected' && (
          <span className="samp-note" role="alert">
            {samp.problem}
            {samp.status === 'no-hub' ? '. The hub will ask permission (a dialog in TOPCAT or Aladin) the first time.' : ''}{' '}
            <button type="button" onClick={dismissSampProblem}>
              OK
            </button>
          </span>
        )}
      </span>
    </span>
  )
}
