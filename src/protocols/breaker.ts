/**
 * Stops asking a host that cannot be reached. A host not yet heard from gets at most `limit` requests in flight
 * (the others wait for the first answer); once our proxy says it is unreachable, at most `limit` requests a
 * `windowMs` go to it and the others fail at once with the same error; a host that answers is trusted again.
 */
type HostState<E> = { state: 'unknown'; inFlight: number; waiting: (() => void)[] } | { state: 'ok' } | { state: 'down'; since: number; sent: number; error: E }

export class HostBreaker<E> {
  private readonly hosts = new Map<string, HostState<E>>()

  constructor(
    private readonly limit = 3,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves when a request may go (undefined), or with the error to fail with instead of sending. */
  async admit(host: string): Promise<E | undefined> {
    for (;;) {
      const h = this.hosts.get(host) ?? this.set(host, { state: 'unknown', inFlight: 0, waiting: [] })
      if (h.state === 'ok') return undefined
      if (h.state === 'down') return this.check(h)
      if (h.inFlight < this.limit) {
        h.inFlight++
        return undefined
      }
      await new Promise<void>((resolve) => h.waiting.push(resolve))
    }
  }

  /** The host answered (whatever the status): it is reachable. */
  reached(host: string): void {
    this.settle(host, { state: 'ok' })
  }

  /** The host could not be reached: later requests are held to the limit. */
  unreachable(host: string, error: E): void {
    const h = this.hosts.get(host)
    if (h?.state === 'down') h.error = error
    // the requests already out count against this window
    else this.settle(host, { state: 'down', since: this.now(), sent: h?.state === 'unknown' ? Math.max(1, h.inFlight) : 1, error })
  }

  /** A request ended without telling whether the host is there (cancelled, timed out): its slot is free again. */
  released(host: string): void {
    const h = this.hosts.get(host)
    if (h?.state !== 'unknown') return
    h.inFlight = Math.max(0, h.inFlight - 1)
    h.waiting.shift()?.()
  }

  private check(h: Extract<HostState<E>, { state: 'down' }>): E | undefined {
    if (this.now() - h.since >= this.windowMs) {
      h.since = this.now()
      h.sent = 0
    }
    if (h.sent >= this.limit) return h.error
    h.sent++
    return undefined
  }

  private settle(host: string, next: HostState<E>): void {
    const before = this.hosts.get(host)
    this.hosts.set(host, next)
    if (before?.state === 'unknown') for (const wake of before.waiting) wake()
  }

  private set(host: string, s: HostState<E>): HostState<E> {
    this.hosts.set(host, s)
    return s
  }
}
