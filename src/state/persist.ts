/**
 * Small typed wrapper over localStorage for view state that must survive reloads.
 * Never store credentials or tokens here.
 */
const PREFIX = 'eae:'

export function loadJson<T>(key: string, fallback: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + key)
    return raw === null || raw === undefined ? fallback : (JSON.parse(raw) as T)
  } catch {
    return fallback
  }
}

export function saveJson(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(value))
  } catch {
    // storage full or disabled: the state simply won't survive a reload
  }
}

/** The same for state that belongs to this browser tab only (sessionStorage: kept over reloads and back/forward, gone with the tab). */
export function loadSessionJson<T>(key: string, fallback: T): T {
  try {
    const raw = globalThis.sessionStorage?.getItem(PREFIX + key)
    return raw === null || raw === undefined ? fallback : (JSON.parse(raw) as T)
  } catch {
    return fallback
  }
}

export function saveSessionJson(key: string, value: unknown): void {
  try {
    globalThis.sessionStorage?.setItem(PREFIX + key, JSON.stringify(value))
  } catch {
    // storage full or disabled: the state simply won't survive a reload
  }
}
