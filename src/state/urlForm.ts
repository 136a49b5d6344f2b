/** A search form in the URL: which parameter holds which field, and which values are left out of links. */

/** Every field of a form is text as typed (choices are strings too). */
export type TextForm<F> = { [K in keyof F]: string }

export interface UrlFormSpec<F extends TextForm<F>> {
  defaults: F
  /** The URL parameter of a field, where it is not the field's own name. */
  param?: Partial<Record<keyof F, string>>
  /** The values a choice field may take; any other value in the URL reads as the default. */
  choices?: Partial<Record<keyof F, readonly string[]>>
  /** Fields written even at their default, so that a shared link does not change when the default does. */
  keep?: readonly (keyof F)[]
  /** Write values trimmed of surrounding blanks. */
  trim?: boolean
}

export type Params = Record<string, string | undefined>

const fieldsOf = <F extends TextForm<F>>(spec: UrlFormSpec<F>) => Object.keys(spec.defaults) as (keyof F & string)[]
const paramOf = <F extends TextForm<F>>(spec: UrlFormSpec<F>, k: keyof F & string) => spec.param?.[k] ?? k

/** The form from URL parameters; missing or unknown values take their defaults. */
export function readUrlForm<F extends TextForm<F>>(spec: UrlFormSpec<F>, params: URLSearchParams): F {
  const form = { ...spec.defaults }
  for (const k of fieldsOf(spec)) {
    const v = params.get(paramOf(spec, k))
    const allowed = spec.choices?.[k]
    if (v !== null && (!allowed || allowed.includes(v))) form[k] = v as F[typeof k]
  }
  return form
}

/** URL parameters of a form: blank fields and defaults are left out so that links stay short. */
export function writeUrlForm<F extends TextForm<F>>(spec: UrlFormSpec<F>, form: F): Params {
  const out: Params = {}
  for (const k of fieldsOf(spec)) {
    const v: string = form[k]
    const kept = spec.keep?.includes(k) || v !== spec.defaults[k]
    out[paramOf(spec, k)] = kept && v.trim() !== '' ? (spec.trim ? v.trim() : v) : undefined
  }
  return out
}

/** What is being edited: the draft typed since the URL last changed, else the URL's form itself. */
export interface Draft<F> {
  /** The URL form (`writeUrlForm` as JSON) the draft was typed over. */
  over: string
  /** Nothing typed yet over it. */
  form?: F
}

export const draftOf = <F>(draft: Draft<F>, committedKey: string, committed: F): F => (draft.over === committedKey && draft.form ? draft.form : committed)
