/**
 * Table analysis: the one place that reads what a result table's columns are (as Firefly's voAnalyzer does).
 * Columns by UCD, utype or name; numeric and time columns; the sky and plot columns; the DataLink document
 * and id of a row; and sizes in bytes as people read them. Pure TypeScript over the VOTable reader's Table.
 */
export {
  findColumn, ucdMatches, utypeMatches, NUMERIC_DATATYPES, isNumericDatatype, isNumericField, isNumericScalar, isTimeField, timeKind, columnLabels,
  type ColumnLike, type ColumnQuery,
} from './columns'
export { skyColumns, type SkyColumns } from './sky'
export { plotColumns, columnValues, isoToUnixSeconds, type PlottableColumn } from './plot'
export { productColumns, cellText, dataLinkAccessUrl, dataLinkTarget,
  type DataLinkTarget, idColumn, type ProductColumns } from './rows'
export { formatBytes, BYTES_PER_UNIT } from './sizes'
export { defaultColumnOrder, identifierColumns, knownTable, middleEllipsis, tableIdentity } from './order'
