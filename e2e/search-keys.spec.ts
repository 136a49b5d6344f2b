/**
 * A large selection in the shareable URL (reload, a new page, back/forward), and the result grid as one tab stop
 * on the way to the sky.
 */
import type { Page } from '@playwright/test'
import { test, expect, archiveCsv } from './fixtures'

/** Searches the whole local archive (no target): every observation, in one grid. */
async function searchAll(page: Page): Promise<number> {
  await page.goto('/search?profile=local')
  await page.getByRole('button', { name: 'Search' }).click()
  const rows = Number((await archiveCsv('SELECT COUNT(*) FROM ivoa.ObsCore'))[1]![0])
  await expect(page.getByTestId('search-status')).toHaveText(`${rows.toLocaleString('en')} rows`)
  await expect(page.getByTestId('result-grid').locator('.ag-row').first()).toBeVisible()
  return rows
}

const selectedText = (n: number) => new RegExp(`rows · ${n} selected`)

test.describe('selection and keyboard on the search view', () => {
  // 3,917 footprints on the sky and in the grid, reloaded and opened twice: more than the default time on a busy machine
  test.slow()
  test('a selection of more than 50 rows is in the link: kept over a reload, in a new page and over back/forward', async ({ page, context, watch }) => {
    const rows = await searchAll(page)
    expect(rows).toBeGreaterThan(100)
    const grid = page.getByTestId('result-grid')
    // click the first row, scroll down, Shift+click a row further on: a range of rows
    await grid.locator('.ag-row[row-index="0"] .ag-cell').nth(1).click()
    await expect(page.getByText(selectedText(1))).toBeVisible()
    const box = (await grid.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    const last = grid.locator('.ag-row[row-index="72"]')
    for (let k = 0; k < 20 && !(await last.isVisible()); k++) await page.mouse.wheel(0, 400)
    await page.keyboard.down('Shift')
    await last.locator('.ag-cell').nth(1).click()
    await page.keyboard.up('Shift')
    await expect(page.getByText(selectedText(73))).toBeVisible()

    await expect.poll(() => new URL(page.url()).searchParams.get('sel') ?? '').toMatch(/^~r\./)
    const url = page.url()
    expect(url.length, 'the link stays short').toBeLessThan(2000)
    await expect(page.getByTestId('selection-note')).toHaveCount(0)
    await page.screenshot({ path: 'test-results/screenshots/search-keys-selected.png' })

    // a reload keeps it
    await page.reload({ waitUntil: 'commit' })
    // (the whole archive is fetched again: a busy machine takes its time)
    await expect(page.getByTestId('search-status')).toHaveText(`${rows.toLocaleString('en')} rows`, { timeout: 60_000 })
    await expect(page.getByText(selectedText(73))).toBeVisible()
    await expect(page.getByTestId('sky-view')).toHaveAttribute('data-state', 'ready')

    // so does the copied link in a new page
    const other = await context.newPage()
    await other.goto(url)
    await expect(other.getByTestId('search-status')).toHaveText(`${rows.toLocaleString('en')} rows`, { timeout: 60_000 })
    await expect(other.getByText(selectedText(73))).toBeVisible()
    await expect(other.getByTestId('result-grid').locator('.ag-row-selected').first()).toBeVisible()
    await other.screenshot({ path: 'test-results/screenshots/search-keys-shared.png' })
    await other.close()

    // another search, then back: the selection returns; forward: the other search without it
    await page.getByRole('textbox', { name: 'Target' }).fill('265.1754 -53.6743')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByText(/rows · \d+ selected/)).toHaveCount(0)
    await expect(page.getByTestId('search-status')).not.toHaveText(`${rows.toLocaleString('en')} rows`)
    await page.goBack()
    await expect(page.getByTestId('search-status')).toHaveText(`${rows.toLocaleString('en')} rows`, { timeout: 60_000 })
    await expect(page.getByText(selectedText(73))).toBeVisible()
    await page.goForward()
    await expect(page.getByRole('textbox', { name: 'Target' })).toHaveValue('265.1754 -53.6743')
    await expect(page.getByText(/rows · \d+ selected/)).toHaveCount(0)

    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
  })

  test('the result grid is one tab stop: Tab enters it once, arrows move inside, the next Tab goes on to the sky', async ({ page, watch }) => {
    await searchAll(page)
    const grid = page.getByTestId('result-grid')
    const inGrid = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid="result-grid"]'))
    const focusedName = () => page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null
      return e ? `${e.tagName.toLowerCase()} ${e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40) ?? ''}` : ''
    })
    // from the control just before the grid
    await page.getByRole('button', { name: 'Copy selected' }).focus()
    const toolbar = page.locator('.grid-toolbar')
    for (let k = 0; k < 8 && !(await inGrid()); k++) await page.keyboard.press('Tab')
    expect(await inGrid(), 'Tab reaches the grid').toBe(true)
    await page.screenshot({ path: 'test-results/screenshots/search-keys-grid-focus.png' })
    // arrows inside: down into the rows, right along a row
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowRight')
    await expect(grid.locator('.ag-cell-focus')).toHaveCount(1)
    await expect(grid.locator('.ag-row[row-index="1"] .ag-cell-focus')).toHaveCount(1)
    // one Tab and the grid is left
    await page.keyboard.press('Tab')
    expect(await inGrid(), `focus left the grid (now on ${await focusedName()})`).toBe(false)
    // a handful more reach the sky map
    const sky = page.getByRole('application', { name: 'Sky map' })
    for (let k = 0; k < 15 && !(await sky.evaluate((e) => e === document.activeElement)); k++) {
      await page.keyboard.press('Tab')
      expect(await inGrid()).toBe(false)
    }
    await expect(sky).toBeFocused()
    await page.screenshot({ path: 'test-results/screenshots/search-keys-sky-focus.png' })
    // and Shift+Tab comes back through the grid in one step as well
    for (let k = 0; k < 20 && !(await inGrid()); k++) await page.keyboard.press('Shift+Tab')
    expect(await inGrid()).toBe(true)
    await page.keyboard.press('Shift+Tab')
    expect(await inGrid(), `Shift+Tab leaves the grid (now on ${await focusedName()})`).toBe(false)
    await expect(toolbar).toBeVisible()
    expect(watch.pageErrors).toEqual([])
  })

  for (const [fov, radius] of [['3°', '60'], ['9′', '3']] as const) {
    test(`the sky grid's labels near Cen A at ${fov}: carried and short (screenshot)`, async ({ page }) => {
      await page.goto('/search?profile=local')
      await page.getByRole('textbox', { name: 'Target' }).fill('201.365 -43.019')
      await page.getByRole('textbox', { name: 'Radius' }).fill(radius)
      await page.getByRole('button', { name: 'Search' }).click()
      await expect(page.getByTestId('search-status')).toHaveText(/^\d+ rows?$/)
      const sky = page.getByTestId('sky-view')
      await expect(sky).toHaveAttribute('data-state', 'ready')
      await expect(page.getByRole('button', { name: 'Grid' })).toHaveAttribute('aria-pressed', 'true')
      await expect(page.getByTestId('sky-readout')).toHaveText(/FoV/)
      await page.waitForTimeout(500)
      await page.locator('.sky-host').screenshot({ path: `test-results/screenshots/search-keys-grid-labels-${radius}.png` })
    })
  }

  for (const [width, height, theme] of [[1400, 900, 'light'], [1280, 720, 'dark'], [800, 900, 'dark'], [800, 900, 'light']] as const) {
    test(`keyboard walk at ${width}×${height} (${theme}): every stop named and visibly focused`, async ({ page }) => {
      await page.setViewportSize({ width, height })
      await page.addInitScript((t) => localStorage.setItem('eae:theme', JSON.stringify(t)), theme)
      await page.goto('/search?profile=local')
      await page.getByRole('textbox', { name: 'Target' }).fill('265.1754 -53.6743')
      await page.getByRole('button', { name: 'Search' }).click()
      await expect(page.getByTestId('search-status')).toHaveText(/^\d+ rows$/)
      await expect(page.getByTestId('sky-view')).toHaveAttribute('data-state', 'ready')
      await page.locator('body').focus()
      const stops: string[] = []
      const unnamed: string[] = []
      const unmarked: string[] = []
      let gridStops = 0
      for (let k = 0; k < 70; k++) {
        await page.keyboard.press('Tab')
        const stop = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement | null
          if (!e || e === document.body) return null
          const labelled = e.getAttribute('aria-labelledby')?.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
          const label = (e as HTMLInputElement).labels?.[0]?.textContent
          const name = (e.getAttribute('aria-label') || labelled || label || e.getAttribute('title') || e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50)
          const s = getComputedStyle(e)
          const marked = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none' || !!e.closest('.ag-root-wrapper')
          const inGrid = !!e.closest('[data-testid="result-grid"]')
          return { id: `${e.tagName.toLowerCase()}${e.getAttribute('role') ? `[${e.getAttribute('role')}]` : ''} "${name}"`, name, marked, inGrid }
        })
        if (!stop) break
        stops.push(stop.id)
        if (stop.inGrid) gridStops++
        if (!stop.name) unnamed.push(stop.id)
        if (!stop.marked) unmarked.push(stop.id)
        if (k === 3 || stop.id.startsWith('div[application]')) await page.screenshot({ path: `test-results/screenshots/search-keys-walk-${width}-${theme}-${k}.png` })
      }
      console.log(`${width}×${height} ${theme}: ${stops.join(' → ')}`)
      expect(unnamed).toEqual([])
      expect(unmarked).toEqual([])
      // the grid is one stop on the way to the sky map
      expect(gridStops).toBe(1)
      expect(stops).toContain('div[application] "Sky map"')
    })
  }
})
