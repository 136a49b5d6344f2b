import { useMemo } from 'react'

/**
 * The same object for as long as its content stays the same: a region or view rebuilt on each render
 * would otherwise re-centre the sky on every keystroke. For plain data (numbers, strings, arrays, objects).
 */
export function useStableValue<T>(value: T): T {
  const key = JSON.stringify(value)
  return useMemo(() => (key === undefined ? undefined : JSON.parse(key)) as T, [key])
}
