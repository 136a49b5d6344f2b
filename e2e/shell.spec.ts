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
