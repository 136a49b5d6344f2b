/** Results beside the sky, linked: the grid on the left, the sky on the profile's survey on the right. */
import { useMemo, useState, type ReactNode } from 'react'
import { cellText, idColumn } from '../protocols/table'
import type { Table } from '../protocols/votable'
import { useRuntime } from '../state/runtime'
import { useSurvey } from '../state/survey'
import type { GridSkyLink } from './gridSkyLink'
import type { ExtraColumn } from './gridColumns'
import { ResultGrid } from './lazyParts'
import { SkyView, type SkyViewProps } from './sky/SkyView'

interface Props {
  /** The table, and the selection and hovered row both sides share (useGridSkyLink). */
  link: GridSkyLink
  dark: boolean
  /** Of the grid and of the sky. */
  height: number
  /** Shown instead of the grid while there is no table. */
  empty: string
  /** Buttons for the grid's toolbar. */
  toolbar?: (table: Table) => ReactNode
  onLinkClick?: (href: string, row: number) => boolean
  /** Everything the sky shows but the selection and the hovered row. */
  sky: Omit<SkyViewProps, 'hips' | 'height' | keyof GridSkyLink['sky']>
  /** What the sky shows, for the note when the survey cannot be reached: "footprints", "positions". */
  drawn: string
  /** The result did not arrive whole: grid and sky say so. */
  partial?: { reason: string }
  /** Columns the view adds to the grid (conditions, previews). */
  extraColumns?: readonly ExtraColumn[]
  /** Shown under the sky (the selected row's preview). */
  besideSky?: ReactNode
}

export function ResultsWithSky({ link, dark, height, empty, toolbar, onLinkClick, sky, drawn, partial, extraColumns, besideSky }: Props) {
  const surveys = useRuntime().profile.surveys
  const [picked, setPicked] = useState<string | null>()
  // a choice from another profile's list does not carry over
  const choice = picked === null || (picked !== undefined && surveys.includes(picked)) ? picked : undefined
  const survey = useSurvey(choice)
  const table = link.table
  // the sky's list of footprints at a point names each by the table's id column
  const rowLabel = useMemo(() => {
    const col = table ? idColumn(table) : -1
    return (row: number) => (table && col >= 0 ? cellText(table, row, col) : undefined) ?? `row ${row + 1}`
  }, [table])
  return (
    <div className="search-split">
      <div className="search-results">
        {table ? <ResultGrid key={link.gridKey} table={table} dark={dark} height={height} {...link.grid} onLinkClick={onLinkClick} toolbar={toolbar?.(table)} partial={partial} extraColumns={extraColumns} /> : <p className="muted">{empty}</p>}
      </div>
      <div className="search-sky-column">
        {partial && table && (
          <p className="banner warning" role="status" data-testid="sky-partial">
            The sky shows the {drawn} of a partial result ({table.rowCount.toLocaleString('en')} rows): others may be missing.
          </p>
        )}
        {survey.unreachable && (
          <p className="banner warning search-survey-note" role="status">
            The sky survey {survey.unreachable} cannot be reached; {drawn} are drawn on a plain background.
          </p>
        )}
        <SkyView {...sky} {...link.sky} hips={survey.hips} height={height} rowLabel={rowLabel} surveys={surveys.length ? { list: surveys, value: choice === undefined ? (surveys[0] ?? null) : choice, onChange: setPicked } : undefined} />
        {besideSky}
      </div>
    </div>
  )
}
