/** sessionStorage for what a target-list run needs after a reload (the list, resolved names, finished chunks). */
import { loadSessionJson, saveSessionJson } from '../persist'

export const loadSession = <T>(key: string, fallback: T): T => loadSessionJson(`targets:${key}`, fallback)

/** false when the storage is full or off (what was not kept is simply done again after a reload). */
export const saveSession = (key: string, value: unknown): boolean => saveSessionJson(`targets:${key}`, value)
