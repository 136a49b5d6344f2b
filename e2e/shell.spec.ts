import { test, expect } from './fixtures'

test.describe('app shell', () => {
  test('routes to each view with its own URL, and back/forward work', async ({ page, watch }) => {
    await page.goto('/adql?profile=local')
    await page.getByRole('link', { name: 'Search' }).click()
    await expect(page).toHaveURL(/\/search\?profile=local$/)
    await expect(page.getByRole('region', { name: 'Search' })).toBeVisible()
    await page.getByRole('link', { name: 'Jobs' }).click()
    await expect(page.getByRole('region', { name: 'Jobs' })).toBeVisible()
    await page.goBack()
    await expect(page.getByRole('region', { name: 'Search' })).toBeVisible()
    await page.goto('/spectra?profile=local')
    await expect(page.getByRole('link', { name: 'Spectra' })).toHaveAttribute('aria-current', 'page')
    expect(watch.pageErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test('the grid warmed while the page is idle leaves no trace: no grid shown, focus and typing untouched', async ({ page }) => {
    // every grid root that ever enters the page, and whether one was ever visible or reachable
    await page.addInitScript(() => {
      const w = window as unknown as { __grids: number; __gridShown: boolean }
      w.__grids = 0
      w.__gridShown = false
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof HTMLElement && (n.matches('.ag-root-wrapper') || n.querySelector('.ag-root-wrapper'))) {
              w.__grids++
              const box = n.getBoundingClientRect()
              const hidden = n.closest('[aria-hidden="true"][inert]') && getComputedStyle(n).visibility === 'hidden'
              if (!hidden && box.right > 0 && box.bottom > 0) w.__gridShown = true
            }
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto('/adql?profile=local')
    const filter = page.getByRole('searchbox', { name: 'Filter tables and columns' })
    await filter.click()
    await page.keyboard.type('obs')
    // the grid's code ran once, off screen, then went away
    await expect.poll(() => page.evaluate(() => (window as unknown as { __grids: number }).__grids), { timeout: 20_000 }).toBeGreaterThan(0)
    await expect(page.locator('.ag-root-wrapper')).toHaveCount(0)
    expect(await page.evaluate(() => (window as unknown as { __gridShown: boolean }).__gridShown)).toBe(false)
    await expect(page.getByRole('grid')).toHaveCount(0)
    await expect(filter).toBeFocused()
    await page.keyboard.type('core')
    await expect(filter).toHaveValue('obscore')
  })

  test('the default profile is ESO; switching profile changes the services shown', async ({ page }) => {
    await page.goto('/adql')
    await expect(page.getByRole('combobox', { name: 'Service profile' })).toHaveValue('eso')
    await expect(page.getByTitle('Service URL')).toHaveText('https://archive.eso.org/tap_obs')
    await page.getByRole('combobox', { name: 'Service profile' }).selectOption('local')
    await expect(page.getByTitle('Service URL')).toHaveText('http://127.0.0.1:18080/tap')
    await expect(page).toHaveURL(/profile=local/)
  })

  test('the theme toggles and is remembered across reloads', async ({ page }) => {
    await page.goto('/adql?profile=local')
    const html = page.locator('html')
    const before = await html.getAttribute('data-theme')
    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click()
    const after = before === 'dark' ? 'light' : 'dark'
    await expect(html).toHaveAttribute('data-theme', after)
    await page.reload()
    await expect(html).toHaveAttribute('data-theme', after)
  })

  test('adding a TAP service by URL: a bad URL is explained, a good one is selected', async ({ page }) => {
    await page.goto('/adql?profile=local')
    const input = page.getByRole('textbox', { name: 'Add a TAP service by URL' })
    await input.fill('not a url')
    await page.getByRole('button', { name: 'Add TAP service' }).click()
    await expect(page.getByRole('alert')).toContainText('is not an absolute URL')
    await input.fill('http://127.0.0.1:18080/tap/')
    await page.getByRole('button', { name: 'Add TAP service' }).click()
    await expect(page.getByRole('combobox', { name: 'TAP service' })).toHaveValue('http://127.0.0.1:18080/tap')
  })
})
