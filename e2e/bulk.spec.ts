import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { usePrivateSesame, withPrivateResolver } from './sesame'
import { test, expect, ARCHIVE, runAdql } from './fixtures'
import { formatBytes } from '../src/protocols/table/sizes'

const run = promisify(execFile)
const OUT = process.env.E2E_OUT ?? '.tmp'
usePrivateSesame()
const PRODUCTS = ['ADP.2018-11-02T11:30:05.005', 'ADP.2020-03-01T10:20:04.004', 'ADP.2021-05-10T12:00:01.001']

async function selectRows(page: Page, texts: string[]) {
  for (const [i, t] of texts.entries()) {
    await page.getByTestId('result-grid').locator('.ag-row', { hasText: t }).first().locator('.ag-cell').first().click({ modifiers: i ? ['ControlOrMeta'] : [] })
  }
}

/** The `run <n> '<url>' '<file>' '<size>' <bytes>` lines of a generated bash script. */
function scriptEntries(script: string): { url: string; file: string }[] {
  return [...script.matchAll(/^run \d+ '([^']*)' '([^']*)' '[^']*' (?:\d+|'')$/gm)].map((m) => ({ url: m[1]!, file: m[2]! }))
}

async function runScript(script: string, interpreter: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bulk-e2e-'))
  writeFileSync(join(dir, 'download'), script)
  const { stdout } = await run(interpreter, [join(dir, 'download')], { cwd: dir, env: { PATH: process.env.PATH!, HOME: dir, ...env } })
  return { dir, stdout }
}

test.describe('bulk download scripts', () => {
  test('ADQL results: a script for three rows fetches each #this file from the archive (curl and wget), with the size estimate', async ({ page, watch }) => {
    await page.goto('/adql?profile=local')
    await runAdql(page, `SELECT dp_id, obs_collection, access_url, access_format, access_estsize FROM ivoa.ObsCore WHERE dp_id IN (${PRODUCTS.map((p) => `'${p}'`).join(', ')}) ORDER BY dp_id`)
    await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(3)
    const button = page.getByRole('button', { name: /^Download script/ })
    await expect(button).toBeDisabled()
    await selectRows(page, PRODUCTS)
    await expect(button).toHaveText('Download script (3)')
    await button.click()
    const dialog = page.getByRole('dialog', { name: 'Bulk download' })
    await expect(dialog.getByTestId('bulk-summary')).toContainText('3 files, about')
    const script = await dialog.getByRole('textbox', { name: 'Download script' }).inputValue()
    await page.screenshot({ path: `${OUT}/bulk-adql.png`, fullPage: true })

    // every URL in the script is a FITS file of the archive; together they make the size shown
    const entries = scriptEntries(script)
    expect(entries.map((e) => e.file).sort()).toEqual(PRODUCTS.map((p) => `${p.replace(/:/g, '_')}.fits`).sort())
    let total = 0
    for (const { url } of entries) {
      expect(url.startsWith(`${ARCHIVE}/getproduct/`)).toBe(true)
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer())
      expect(new TextDecoder().decode(bytes.subarray(0, 30))).toMatch(/^SIMPLE {2}=\s+T/)
      total += bytes.length
    }
    await expect(dialog.getByTestId('bulk-summary')).toHaveText(`3 files, about ${formatBytes(total)}`)
    expect(script).toContain(`# Downloads 3 files, about ${formatBytes(total)}.`)
    expect(script).toContain(`sent as "Authorization: Bearer" only to: ${ARCHIVE}`)

    // the script itself, run with bash: the three files arrive, byte for byte
    const curl = await runScript(script, 'bash')
    expect(curl.stdout).toContain('All 3 files downloaded.')
    expect(readdirSync(curl.dir).filter((f) => f.endsWith('.fits')).sort()).toEqual(entries.map((e) => e.file).sort())
    for (const { url, file } of entries) {
      const original = new Uint8Array(await (await fetch(url)).arrayBuffer())
      expect(new Uint8Array(readFileSync(join(curl.dir, file)))).toEqual(original)
    }

    await dialog.getByRole('combobox', { name: 'Script flavour' }).selectOption('wget')
    const wgetScript = await dialog.getByRole('textbox', { name: 'Download script' }).inputValue()
    expect(wgetScript).toContain('wget --quiet')
    expect(scriptEntries(wgetScript)).toEqual(entries)
    const wget = await runScript(wgetScript, 'bash')
    expect(readdirSync(wget.dir).filter((f) => f.endsWith('.fits')).length).toBe(3)

    await dialog.getByRole('combobox', { name: 'Script flavour' }).selectOption('python')
    const saved = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Save eso-download.py' }).click()
    const file = await saved
    const python = readFileSync((await file.path())!, 'utf8')
    expect(python).toBe(await dialog.getByRole('textbox', { name: 'Download script' }).inputValue())
    const listed = await runScript(python, '/usr/bin/python3', { DRY_RUN: '1' })
    expect(listed.stdout.trim().split('\n').map((l) => l.split('\t')[0]).sort()).toEqual(entries.map((e) => e.url).sort())
    expect(watch.pageErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test('Search results: a row without a file is reported with the service’s reason, the others still make a script', async ({ page }) => {
    await withPrivateResolver(page)
    await page.goto('/search?profile=local')
    await page.getByRole('textbox', { name: 'Target' }).fill('NGC 6397')
    await page.getByRole('textbox', { name: 'Radius' }).fill('6')
    await expect(page.getByRole('status', { name: 'Resolved position' })).toContainText('Simbad: NGC 6397')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByTestId('result-grid').locator('.ag-row').first()).toBeVisible()
    await selectRows(page, ['ADP.2021-05-10T12:00:01.001', 'ADP.2012-11-06T12:38:33.553'])
    await page.getByRole('button', { name: 'Download script (2)' }).click()
    const dialog = page.getByRole('dialog', { name: 'Bulk download' })
    await expect(dialog.getByTestId('bulk-summary')).toHaveText(`1 file, about ${formatBytes(167040)}`)
    await expect(dialog.getByText('1 row has no file to download')).toBeVisible()
    await expect(dialog.getByRole('listitem')).toContainText('ADP.2012-11-06T12:38:33.553: NotFoundFault')
    const entries = scriptEntries(await dialog.getByRole('textbox', { name: 'Download script' }).inputValue())
    expect(entries).toEqual([{ url: `${ARCHIVE}/getproduct/eso/data/img/ADP.2021-05-10T12_00_01.001.fits`, file: 'ADP.2021-05-10T12_00_01.001.fits' }])
  })

  test('Spectra results: the selected spectra, direct files with their SSAP sizes', async ({ page }) => {
    await page.goto('/spectra?profile=local&target=0%20-90&size=80%20deg&go=1')
    await expect(page.getByTestId('spectra-status')).toHaveText('3 spectra')
    await selectRows(page, ['ADP.2018-11-02T11:30:05.005', 'ADP.2021-05-20T14:40:06.006'])
    await page.getByRole('button', { name: 'Download script (2)' }).click()
    const dialog = page.getByRole('dialog', { name: 'Bulk download' })
    await expect(dialog.getByTestId('bulk-summary')).toHaveText(`2 files, about ${formatBytes(40320 + 31680)}`)
    await page.screenshot({ path: `${OUT}/bulk-spectra.png`, fullPage: true })
    const script = await dialog.getByRole('textbox', { name: 'Download script' }).inputValue()
    const { stdout } = await runScript(script, 'bash', { DRY_RUN: '1' })
    expect(stdout.trim().split('\n').map((l) => l.split('\t')[1])).toEqual(['ADP.2018-11-02T11_30_05.005.fits', 'ADP.2021-05-20T14_40_06.006.fits'])
  })
})
