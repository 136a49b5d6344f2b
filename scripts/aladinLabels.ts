/**
 * Aladin Lite draws its coordinate grid's labels in WebAssembly, through two JavaScript functions it keeps to itself
 * (no option reaches them). Their sexagesimal form rounds the seconds without carrying ("-53 38 60.000") and always
 * writes three decimals ("+30 00 00.000"). This Vite plugin wraps both at build time: the label is rounded once
 * and carried, and only the parts that say something are written ("−53°39′", "13h25m27.5s", "201.365").
 * A new aladin-lite that no longer matches fails the build, so that the labels are looked at again.
 */
import type { Plugin } from 'vite'

/** Wraps Aladin's sexagesimal formatter (value in degrees or hours, precision 1–8, whether to write "+"). Self-contained: it is put into aladin.js as text. */
export function gridSexagesimal(original: (v: number, prec: number, plus: boolean) => string) {
  return (v: number, prec: number, plus: boolean): string => {
    // 6–8: degrees (or hours), minutes and seconds with 1–3 decimals; Aladin's own for the rest
    if (!(prec >= 6 && prec <= 8) || !Number.isFinite(v)) return original(v, prec, plus)
    const decimals = prec - 5
    const scale = 10 ** decimals
    const total = Math.round(Math.abs(v) * 3600 * scale)
    const whole = Math.floor(total / (3600 * scale))
    const minutes = Math.floor((total % (3600 * scale)) / (60 * scale))
    const seconds = (total % (60 * scale)) / scale
    const sign = v < 0 && total > 0 ? '−' : plus ? '+' : ''
    // a "+" asks for a latitude (degrees); none, a longitude in hours
    const [u, m, s] = plus ? ['°', '′', '″'] : ['h', 'm', 's']
    const pad = (n: number) => (n < 10 ? '0' : '') + n
    let text = sign + pad(whole) + u
    if (minutes || seconds) text += pad(minutes) + m
    if (seconds) {
      const sec = seconds.toFixed(decimals).replace(/\.?0+$/, '')
      text += (seconds < 10 ? '0' : '') + sec + s
    }
    return text
  }
}

/** Wraps Aladin's decimal formatter: no trailing zeros ("201.3650" → "201.365", "30.000" → "30"). */
export function gridDecimal(original: (v: number, prec: number) => string) {
  return (v: number, prec: number): string => {
    const text = original(v, prec)
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text
  }
}

/** Where aladin.js hands its two formatters to the WebAssembly. */
const HANDOVER = /(\w+)\.toDecimal=(\w+)\.toDecimal,\1\.toSexagesimal=\2\.toSexagesimal/

/** aladin.js with its grid label formatters wrapped; undefined if the code is not the expected one. */
export function patchAladin(code: string): string | undefined {
  if (!HANDOVER.test(code)) return undefined
  const helpers = `const __eaeGridSexagesimal = ${gridSexagesimal.toString()};\nconst __eaeGridDecimal = ${gridDecimal.toString()};\n`
  return helpers + code.replace(HANDOVER, '$1.toDecimal=__eaeGridDecimal($2.toDecimal),$1.toSexagesimal=__eaeGridSexagesimal($2.toSexagesimal)')
}

export function aladinGridLabels(): Plugin {
  return {
    name: 'eae-aladin-grid-labels',
    enforce: 'pre',
    transform(code, id) {
      if (!/aladin-lite[\\/]dist[\\/]aladin\.js/.test(id)) return undefined
      const patched = patchAladin(code)
      if (!patched) this.error('aladin-lite: the grid label formatters were not found (scripts/aladinLabels.ts): look at the grid labels again')
      return { code: patched, map: null }
    },
  }
}
