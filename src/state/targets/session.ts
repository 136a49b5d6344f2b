/** sessionStorage for what a target-list run needs after a reload (the list, resolved names, finished chunks). */
const PREFIX = 'eae:targets:'

export function loadSession<T>(key: string, fallback: T): T {
  try {
    const raw = globalThis.sessionStorage?.getItem(PREFIX + key)
    return raw === null || raw === undefined ? fallback : (JSON.parse(raw) as T)
  } catch {
    return fallback
  }
}

/** false when the storage is full or off (what was not kept is simply done again after a reload). */
export function saveSession(key: string, value: unknown): boolean {
  try {
    if (value === undefined) globalThis.sessionStorage?.removeItem(PREFIX + key)
    else globalThis.sessionStorage?.setItem(PREFIX + key, JSON.stringify(value))
    return true
  } catch {
    return false
  }
}
