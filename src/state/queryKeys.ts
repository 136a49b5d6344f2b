/** TanStack Query keys per service, so that metadata is cached and shared between views. */
export const tapKeys = {
  all: (serviceUrl: string) => ['tap', serviceUrl] as const,
  capabilities: (serviceUrl: string) => ['tap', serviceUrl, 'capabilities'] as const,
  schema: (serviceUrl: string) => ['tap', serviceUrl, 'schema'] as const,
  examples: (serviceUrl: string) => ['tap', serviceUrl, 'examples'] as const,
  jobResult: (jobUrl: string) => ['tap', 'job-result', jobUrl] as const,
  serverJobs: (serviceUrl: string) => ['tap', serviceUrl, 'server-jobs'] as const,
}

/** Archive metadata changes rarely: TAP_SCHEMA and capabilities are fresh for hours. */
export const METADATA_STALE_MS = 6 * 60 * 60 * 1000
