/** The ADQL editor (CodeMirror) in its own chunk: the rest of the ADQL view shows while it arrives. */
import { Suspense, type ComponentPropsWithRef } from 'react'
import { lazyPart } from '../../components/lazyPart'
import { PartLoading } from '../../components/lazyParts'

const editor = lazyPart(() => import('./QueryEditor').then((m) => m.QueryEditor))

/** QueryEditor, same props and ref. */
export function QueryEditor(props: ComponentPropsWithRef<typeof editor.Component>) {
  return (
    <Suspense fallback={<PartLoading what="the ADQL editor" height={140} />}>
      <editor.Component {...props} />
    </Suspense>
  )
}

/** Fetches the editor (once), with the ADQL view or ahead of it. */
export const loadQueryEditor = editor.load
