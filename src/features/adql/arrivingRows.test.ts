import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { throttledProgress } from './arrivingRows'
import type { Table } from '../../protocols/votable'

const table = (rows: number) => ({ rowCount: rows }) as Table

describe('throttledProgress', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows the first batch at once, then at most every interval with the latest rows, and the last ones after a pause', () => {
    let now = 0
    const shown: number[] = []
    const p = throttledProgress((t) => shown.push(t.rowCount), 200, () => now)
    p.batch(table(10))
    expect(shown).toEqual([10])
    now = 50
    p.batch(table(20))
    now = 100
    p.batch(table(30))
    expect(shown).toEqual([10])
    now = 200
    vi.advanceTimersByTime(150)
    expect(shown).toEqual([10, 30])
    // nothing new: nothing shown
    vi.advanceTimersByTime(1000)
    expect(shown).toEqual([10, 30])
  })

  it('shows nothing more once stopped', () => {
    let now = 0
    const shown: number[] = []
    const p = throttledProgress((t) => shown.push(t.rowCount), 200, () => now)
    p.batch(table(1))
    now = 10
    p.batch(table(2))
    p.stop()
    vi.advanceTimersByTime(1000)
    expect(shown).toEqual([1])
  })
})
