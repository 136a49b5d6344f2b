import { useMemo } from 'react'
import type { SsapResult } from '../../protocols/ssap'
import type { BuiltSsap } from './form'

/** The spectra as markers on the sky, and the search cone: the committed search's, else the one being edited. */
export function useSpectraSky(data: SsapResult | undefined, committed: BuiltSsap | undefined, draft: BuiltSsap) {
  const footprints = useMemo(() => {
    if (!data) return undefined
    return {
      regions: data.spectra.map(() => null),
      ra: Float64Array.from(data.spectra, (r) => r.ra ?? NaN),
      dec: Float64Array.from(data.spectra, (r) => r.dec ?? NaN),
    }
  }, [data])
  const position = committed?.query?.pos ?? draft.query?.pos
  const sizeDeg = committed?.query?.size ?? draft.query?.size
  const posKey = position ? `${position.ra},${position.dec},${sizeDeg}` : ''
  const centre = useMemo(() => (position ? { ra: position.ra, dec: position.dec, fov: Math.max((sizeDeg ?? 0.03) * 3, 0.05) } : undefined), [posKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const cone = useMemo(() => (position && sizeDeg ? { ra: position.ra, dec: position.dec, radius: sizeDeg / 2 } : null), [posKey]) // eslint-disable-line react-hooks/exhaustive-deps
  return { footprints, centre, cone }
}
