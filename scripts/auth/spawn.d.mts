export function startHarness(ports?: { provider?: number; gateway?: number; foreign?: number; appOrigins?: string }): Promise<{
  issuer: string
  gateway: string
  foreign: string
  stop: () => void
}>
