/**
 * Small typed wrapper over localStorage for view state that must survive reloads.
 * Never store credentials or tokens here.
 */
const PREFIX = 'eae:'

type Store = 'localStorage' | 'sessionStorage'

function load<T>(store: Store, key: string, fallback: T): T {
  try {
    const raw = globalThis[store]?.getItem(PREFIX + key)
    return raw === null || raw === undefined ? fallback : (JSON.parse(raw) as T)
  } catch {
    return fallback
  }
}

/** false when the storage is full or off (the state simply won't survive a reload); `undefined` removes the key. */
function save(store: Store, key: string, value: unknown): boolean {
  try {
    if (value === undefined) globalThis[store]?.removeItem(PREFIX + key)
    else globalThis[store]?.setItem(PREFIX + key, JSON.stringify(value))
    return true
  } catch {
    return false
  }
}

export const loadJson = <T>(key: string, fallback: T): T => load('localStorage', key, fallback)
export const saveJson = (key: string, value: unknown): boolean => save('localStorage', key, value)

/** The same for state that belongs to this browser tab only (sessionStorage: kept over reloads and back/forward, gone with the tab). */
export const loadSessionJson = <T>(key: string, fallback: T): T => load('sessionStorage', key, fallback)
export const saveSessionJson = (key: string, value: unknown): boolean => save('sessionStorage', key, value)
