/** Every view of the app as a user sees it with something in it (results where there are results), for the layout
 *  and accessibility specs. Each opener leaves the page on its view, ready to be measured or scanned. */
import type { Page } from '@playwright/test'
import { expect, runAdql } from './fixtures'

export const IMAGE = 'ADP.2021-05-10T12:00:01.001'
/** NGC 6397 typed as coordinates: no name resolver needed */
const TARGET = encodeURIComponent('265.1755 -53.6744')

export type Theme = 'light' | 'dark'

/** Opens the app in a theme (as a user's earlier choice of it, kept in this browser). */
export async function inTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('eae:theme', JSON.stringify(t)), theme)
}

async function skyReady(page: Page) {
  await expect(page.getByTestId('sky-view').first()).toHaveAttribute('data-state', 'ready')
}

export const VIEWS: Record<string, (page: Page) => Promise<void>> = {
  async adql(page) {
    await page.goto('/adql?profile=local')
    await runAdql(page, 'SELECT TOP 10 obs_id, target_name, s_ra, s_dec, dataproduct_type, instrument_name, t_min FROM ivoa.ObsCore ORDER BY obs_id')
    await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(10)
  },
  async search(page) {
    await page.goto(`/search?profile=local&target=${TARGET}&radius=0.3%20arcmin&go=1`)
    await expect(page.getByTestId('result-grid').locator('.ag-row').first()).toBeVisible()
    await skyReady(page)
  },
  async spectra(page) {
    await page.goto(`/spectra?profile=local&target=${TARGET}&size=1&wmin=500&wmax=700&go=1`)
    await expect(page.getByTestId('spectra-status')).toHaveText('1 spectrum')
    await expect(page.getByTestId('result-grid').locator('.ag-row').first()).toBeVisible()
    await skyReady(page)
  },
  /** A target list given as positions (no resolver needed), checked against ObsCore: matrix, grid and sky. */
  async targets(page) {
    await page.goto('/targets?profile=local')
    await page.getByRole('textbox', { name: 'Target list' }).fill('name,ra,dec\nNGC 6397,265.1754,-53.6743\n30 Dor,84.6765,-69.1009\nempty,12.5,45')
    await page.getByRole('button', { name: 'Check coverage' }).click()
    await expect(page.getByTestId('targets-status')).toContainText('Done:')
    await expect(page.getByTestId('result-grid').locator('.ag-row').first()).toBeVisible()
    await skyReady(page)
  },
  async jobs(page) {
    // one async job of this browser, so the list has a row
    await page.goto('/adql?profile=local')
    await page.getByRole('radio', { name: 'async job' }).check()
    await runAdql(page, 'SELECT TOP 3 obs_id, target_name FROM ivoa.ObsCore ORDER BY obs_id')
    await expect(page.getByRole('status', { name: 'Job status' })).toContainText('COMPLETED', { timeout: 30_000 })
    await page.getByRole('link', { name: 'Jobs' }).click()
    await expect(page.getByTestId('job-row').first()).toContainText('COMPLETED')
  },
  async datalink(page) {
    await page.goto(`/datalink?profile=local&id=${encodeURIComponent(IMAGE)}`)
    await expect(page.getByTestId('datalink-panel').getByRole('heading', { name: `DataLink of ${IMAGE}` })).toBeVisible()
    await expect(page.getByRole('group', { name: 'The file itself' })).toBeVisible()
  },
  /** The DataLink panel over the Search view's results. */
  async 'datalink-panel'(page) {
    await VIEWS.search!(page)
    await page.getByTestId('result-grid').getByRole('gridcell', { name: IMAGE, exact: true }).click()
    await page.getByRole('button', { name: 'Open DataLink' }).click()
    const drawer = page.getByRole('complementary', { name: 'DataLink panel' })
    await expect(drawer.getByRole('group', { name: 'The file itself' })).toBeVisible()
  },
  async cutout(page) {
    await VIEWS.datalink!(page)
    await page.getByRole('button', { name: 'Cut out…' }).click()
    await skyReady(page)
  },
  async login(page) {
    await page.goto('/adql?profile=local-auth')
    await page.getByTestId('login-slot').getByRole('button', { name: 'Log in' }).click()
    await expect(page.getByRole('dialog', { name: 'Log in' })).toBeVisible()
  },
}
