/** Bulk download: result rows → their `#this` files (via DataLink) → a download script (curl, wget or Python) with a size estimate. */
export { downloadTargets, type DownloadTarget } from './targets'
export { resolveFiles, mapLimited, type ResolvedFile, type Unresolved, type Resolution, type ResolveOptions } from './resolve'
export {
  downloadScript, shellQuote, pythonQuote, oneLineUrl, safeFileName, fileNameFor, uniqueNames, totalSize,
  type ScriptFlavour, type ScriptFile, type ScriptOptions,
} from './script'
export { filenameOf, knownSize, attachmentDisposition } from './headers'
