/**
 * Stops asking a host that cannot be reached: after our proxy says a host is unreachable, at most `limit` requests
 * go to it per `windowMs`; the others fail at once with the same error. A host that answers is trusted again.
 */
export class HostBreaker<E> {
  private readonly hosts = new Map<string, { since: number; sent: number; error: E }>()

  constructor(
    private readonly limit = 3,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The error to fail with instead of sending, or undefined when the request may go. */
  check(host: string): E | undefined {
    const h = this.hosts.get(host)
    if (!h) return undefined
    if (this.now() - h.since >= this.windowMs) {
      h.since = this.now()
      h.sent = 0
    }
    if (h.sent >= this.limit) return h.error
    h.sent++
    return undefined
  }

  /** The host could not be reached: this request counts as the first of its window. */
  trip(host: string, error: E): void {
    const h = this.hosts.get(host)
    if (h) h.error = error
    else this.hosts.set(host, { since: this.now(), sent: 1, error })
  }

  reset(host: string): void {
    this.hosts.delete(host)
  }
}
