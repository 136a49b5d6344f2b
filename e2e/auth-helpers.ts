/** Shared by the auth specs: the harness's hosts, the login form, what the foreign host saw, saved downloads. */
import { readFileSync } from 'node:fs'
import type { Download, Page, Response } from '@playwright/test'
import { expect, type PageWatch } from './fixtures'

export const FOREIGN = 'http://127.0.0.1:18112'
export const PRIVATE_QUERY = "SELECT dp_id, target_name, access_url FROM ivoa.ObsCore WHERE obs_collection = 'PRIVATE' ORDER BY dp_id"
export const EMBARGOED = 'http://127.0.0.1:18111/getproduct/eso/data/spec/ADP.2019-01-15T15_50_07.007.fits'
export const OUT = process.env.E2E_OUT ?? '.tmp/e2e-auth'

export async function passwordLogin(page: Page, username: string, password: string) {
  await page.getByTestId('login-slot').getByRole('button', { name: 'Log in' }).click()
  const dialog = page.getByRole('dialog', { name: 'Log in' })
  await dialog.getByLabel('Username').fill(username)
  await dialog.getByLabel('Password').fill(password)
  await dialog.getByRole('button', { name: 'Log in', exact: true }).click()
  await expect(page.getByTestId('login-who')).toBeVisible()
}

export async function foreignLog(): Promise<{ method: string; url: string; authorization: string | null; requestHeaders: string | null }[]> {
  return (await fetch(`${FOREIGN}/__log`)).json()
}

export async function storageDump(page: Page) {
  return page.evaluate(() => ({
    local: Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'),
    session: Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`).join('\n'),
  }))
}

export const bearerOf = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('eae-auth:session') ?? '{}').bearer as string)

/** The answer to the hidden iframe's navigation into the download worker's scope. */
export const workerAnswer = (page: Page): Promise<Response> => page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/__download/'))

export async function savedBytes(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!)
}

export function noUnexpectedErrors(watch: PageWatch) {
  expect(watch.pageErrors).toEqual([])
}
