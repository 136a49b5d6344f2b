export function startHarness(ports?: { provider?: number; gateway?: number; foreign?: number; appOrigins?: string }): Promise<{
  issuer: string
  gateway: string
  foreign: string
  stop: () => void
}>

/** Ports free on loopback right now (several test runs may share the machine: no fixed ports). */
export function freePorts(n: number): Promise<number[]>
