export { resolveName, clearNameCache, sesameUrl, type ResolvedName, type ResolveNameOptions, type SesameOrder } from './resolve'
export { parseSesameXml, firstPosition, type SesameTarget, type SesameResolution, type SesameResolverName } from './parse'
export { NameNotFoundError } from './errors'
export { NameCache } from './cache'
