export { parseTargetList, MAX_TARGETS, type InputTarget, type ParsedList } from './list'
export {
  OBSCORE_SOURCE, RAW_SOURCE, catalogueSource, batchAdql, uploadAdql, chunkTargets, matchRows, separation, adqlDeg, DEFAULT_LIMITS,
  TARGET_NAME_COLUMN, TARGET_INDEX_COLUMN, type CoverageSource, type PlacedTarget, type ChunkLimits,
} from './adql'
export { targetsVOTable, targetsTable, uploadForm, runSyncUpload, offersInlineUpload } from './upload'
export { fetchChunk, type CoverageMode, type ChunkOptions, type ChunkResult } from './fetch'
export { runChunks, type RunOptions } from './run'
export { coverageMatrix, type CoverageMatrix } from './matrix'
export { rowsTable, toCell, cellField, TARGET_FIELDS, type Cell, type ChunkRows } from './rows'
