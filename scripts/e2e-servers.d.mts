/** Every shared e2e helper server answering (started detached under a lock when not). */
export function ensureServers(lease?: number | string): Promise<void>
/** The run is done with them: the last run to leave stops them. */
export function releaseServers(lease?: number | string): Promise<void>
export function stopServers(): Promise<void>
export const SERVERS: { name: string; cmd: string[]; url: string; env: Record<string, string>; files: string[] }[]
