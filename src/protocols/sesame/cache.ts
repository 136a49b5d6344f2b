/** A small in-memory cache of resolved names, so the search box does not ask Sesame twice. */

export class NameCache<T> {
  private readonly entries = new Map<string, T>()

  constructor(private readonly capacity = 200) {}

  /** Names differing only in case or spacing ("m31", " M  31 ") share an entry. */
  static key(name: string, order: string): string {
    return `${order}|${name.trim().replace(/\s+/g, ' ').toLowerCase()}`
  }

  get(key: string): T | undefined {
    const value = this.entries.get(key)
    if (value !== undefined) {
      // most recently used moves to the end, so the oldest is dropped first
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  set(key: string, value: T): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!)
  }

  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
