import type { Page } from '@playwright/test'
import { usePrivateSesame, withPrivateResolver } from './sesame'
import { test, expect, archiveCsv } from './fixtures'

usePrivateSesame()

/** Positions of the names as the private Sesame stand-in gives them. */
const KNOWN: Record<string, [number, number]> = { 'NGC 6397': [265.1754, -53.6743], 'Omega Cen': [201.6968, -47.4795], '30 Dor': [84.6765, -69.1009], 'eta Car': [161.2648, -59.6845] }
const LIST = `name,ra,dec
NGC 6397,,
Omega Cen,,
Nowhere Nebula,,
MUSE field,23.0801571,-10.978712
empty sky,12.5,45.0
30 Dor,,`
const RADIUS = 0.1 // degrees (6 arcmin)

/** What the archive has within the radius of each target, per instrument: straight TAP queries, one per target. */
async function expectedCounts(targets: [string, number, number][]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>()
  for (const [name, ra, dec] of targets) {
    const rows = await archiveCsv(`SELECT instrument_name, COUNT(*) AS n FROM ivoa.ObsCore WHERE CONTAINS(POINT('ICRS', s_ra, s_dec), CIRCLE('ICRS', ${ra}, ${dec}, ${RADIUS})) = 1 GROUP BY instrument_name`)
    out.set(name, new Map(rows.slice(1).map(([inst, n]) => [inst!, Number(n)])))
  }
  return out
}

const FIXED: [string, number, number][] = [
  ['NGC 6397', ...KNOWN['NGC 6397']!], ['Omega Cen', ...KNOWN['Omega Cen']!], ['eta Car', ...KNOWN['eta Car']!],
  ['MUSE field', 23.0801571, -10.978712], ['empty sky', 12.5, 45.0], ['30 Dor', ...KNOWN['30 Dor']!],
]

/** The matrix as shown: target → instrument → count. */
async function shownMatrix(page: Page): Promise<Map<string, Map<string, number>>> {
  const matrix = page.getByRole('region', { name: 'Coverage matrix' }).getByRole('table')
  const head = await matrix.getByRole('columnheader').allInnerTexts()
  const out = new Map<string, Map<string, number>>()
  for (const row of await matrix.locator('tbody tr').all()) {
    const name = await row.getByRole('rowheader').innerText()
    const cells = await row.getByRole('cell').allInnerTexts()
    // cells: #, then one per instrument, then the total
    const counts = new Map<string, number>()
    head.slice(2, -1).forEach((inst, i) => {
      const n = Number(cells[i + 1])
      if (n > 0) counts.set(inst, n)
    })
    out.set(name, counts)
  }
  return out
}

async function fillForm(page: Page, perQuery: string, mode: string) {
  await page.getByRole('textbox', { name: 'Target list' }).fill(LIST)
  await expect(page.getByText('CSV with a header: name, ra, dec · 6 targets')).toBeVisible()
  await page.getByRole('textbox', { name: 'Radius' }).fill('6 arcmin')
  await page.getByRole('combobox', { name: 'How targets are sent' }).selectOption({ label: mode })
  await page.getByRole('spinbutton', { name: 'Targets per query' }).fill(perQuery)
}

test.describe('Target list coverage', () => {
  test('a pasted list: an unknown name is listed and corrected in place; the matrix counts what the archive has near each target', async ({ page }) => {
    await withPrivateResolver(page)
    await page.goto('/search?profile=local')
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Target list' }).click()
    await fillForm(page, '2', 'Batched ADQL')
    await page.getByRole('button', { name: 'Check coverage' }).click()

    const failures = page.getByRole('region', { name: 'Targets not resolved' })
    await expect(failures).toContainText('1 target has no position')
    await expect(failures).toContainText('Sesame knows no object "Nowhere Nebula"')
    await expect(page.getByTestId('targets-status')).toContainText('Done: 3 of 3 queries done')
    await failures.getByRole('textbox', { name: 'Name or position for row 3' }).fill('eta Car')
    // the retry asks only for the corrected target: one name, one query; the three chunks done are not asked again
    const asked: string[] = []
    const sesame: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/tap/sync')) asked.push(decodeURIComponent((r.postData() ?? '').replace(/\+/g, ' ')))
      if (/sesame/i.test(r.url())) sesame.push(r.url())
    })
    await failures.getByRole('button', { name: 'Retry the corrected targets' }).click()
    await expect(failures).toBeHidden()
    await expect(page.getByTestId('targets-status')).toContainText(/Done: 4 of 4 queries done · 4 sent \(batched ADQL\) · \d+ rows · 6 targets/)
    expect(asked).toHaveLength(1)
    expect(asked[0]).toContain(`${KNOWN['eta Car']![0]}`)
    expect(asked[0]).not.toContain(`${KNOWN['NGC 6397']![0]}`)
    expect(sesame.length).toBeLessThanOrEqual(1)
    // the corrected target takes its place in the matrix, third as in the list
    await expect(page.getByRole('region', { name: 'Coverage matrix' }).locator('tbody tr').nth(2).getByRole('rowheader')).toHaveText('eta Car')

    const expected = await expectedCounts(FIXED)
    expect(await shownMatrix(page)).toEqual(expected)
    expect(expected.get('empty sky')!.size).toBe(0)
    expect(expected.get('30 Dor')!.size).toBeGreaterThan(3)

    // the rows: the input target's name and index first
    const grid = page.getByTestId('result-grid')
    await expect(grid.locator('.ag-header-cell').nth(0)).toContainText('target_name_in')
    await expect(grid.locator('.ag-header-cell').nth(1)).toContainText('target_index')
    const total = [...expected.values()].reduce((s, m) => s + [...m.values()].reduce((a, b) => a + b, 0), 0)
    await expect(page.getByTestId('targets-status')).toContainText(`${total} rows`)
    await expect(page.getByTestId('sky-view').first()).toHaveAttribute('data-state', 'ready')
    await page.screenshot({ path: 'test-results/screenshots/targets-coverage.png', fullPage: true })
  })

  test('a run cancelled mid-way resumes after a reload without asking again for the chunks done; upload gives the same matrix', async ({ page }) => {
    await withPrivateResolver(page)
    await page.goto('/targets?profile=local')
    await fillForm(page, '1', 'TAP upload')
    await page.getByRole('textbox', { name: 'Target list' }).fill(LIST.replace('Nowhere Nebula', 'eta Car'))
    // the first two queries answer; the others wait until the user has cancelled
    let sent = 0
    let release = () => {}
    const gate = new Promise<void>((r) => (release = r))
    await page.route('**/tap/sync', async (route) => {
      if (++sent > 2) await gate
      await route.continue().catch(() => undefined)
    })
    await page.getByRole('button', { name: 'Check coverage' }).click()
    await expect(page.getByTestId('targets-status')).toContainText('Searching: 2 of 6 queries done')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByTestId('targets-status')).toContainText('Stopped: 2 of 6 queries done')
    await page.unroute('**/tap/sync')
    release()
    await page.screenshot({ path: 'test-results/screenshots/targets-cancelled.png', fullPage: true })

    await page.reload()
    await expect(page.getByTestId('targets-status')).toContainText('Stopped: 2 of 6 queries done')
    const asked: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/tap/sync')) asked.push(r.url())
    })
    await page.getByRole('button', { name: 'Resume' }).click()
    await expect(page.getByTestId('targets-status')).toContainText('Done: 6 of 6 queries done')
    expect(asked).toHaveLength(4)
    await expect(page.getByTestId('targets-status')).toContainText('(TAP upload)')
    expect(await shownMatrix(page)).toEqual(await expectedCounts(FIXED))
  })

  test('a VOTable loaded from a file: raw frames per instrument, and catalogue sources, each count as the archive gives', async ({ page }) => {
    const votable = `<?xml version="1.0"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
<FIELD name="src" datatype="char" arraysize="*" ucd="meta.id;meta.main"/>
<FIELD name="alpha" datatype="double" ucd="pos.eq.ra;meta.main" unit="deg"/>
<FIELD name="delta" datatype="double" ucd="pos.eq.dec;meta.main" unit="deg"/>
<DATA><TABLEDATA>
<TR><TD>cluster</TD><TD>265.1754</TD><TD>-53.6743</TD></TR>
<TR><TD>nebula</TD><TD>84.6765</TD><TD>-69.1009</TD></TR>
<TR><TD>kids field</TD><TD>52.7028919</TD><TD>-27.8050872</TD></TR>
</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`
    const targets: [string, number, number][] = [['cluster', 265.1754, -53.6743], ['nebula', 84.6765, -69.1009], ['kids field', 52.7028919, -27.8050872]]
    await page.goto('/targets?profile=local')
    await page.getByLabel('Load a target list file').setInputFiles({ name: 'targets.vot', mimeType: 'application/x-votable+xml', buffer: Buffer.from(votable) })
    await expect(page.getByText('VOTable: src, alpha, delta · 3 targets')).toBeVisible()
    await page.getByRole('radio', { name: 'Raw frames' }).check()
    await page.getByRole('textbox', { name: 'Radius' }).fill('6')
    await page.getByRole('combobox', { name: 'How targets are sent' }).selectOption({ label: 'Batched ADQL' })
    await page.getByRole('button', { name: 'Check coverage' }).click()
    await expect(page.getByTestId('targets-status')).toContainText('Done: 1 of 1 query done')
    const raw = new Map<string, Map<string, number>>()
    for (const [name, ra, dec] of targets) {
      const rows = await archiveCsv(`SELECT instrument, COUNT(*) AS n FROM dbo.raw WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', ${ra}, ${dec}, ${RADIUS})) = 1 GROUP BY instrument`)
      raw.set(name, new Map(rows.slice(1).map(([inst, n]) => [inst!, Number(n)])))
    }
    expect(await shownMatrix(page)).toEqual(raw)
    expect(raw.get('cluster')!.size).toBeGreaterThan(0)

    await page.getByRole('radio', { name: 'Catalogue sources' }).check()
    await page.getByRole('combobox', { name: 'Catalogue' }).selectOption('safcat.kids_dr4_cat')
    await page.getByRole('textbox', { name: 'Radius' }).fill('1 arcmin')
    await page.getByRole('button', { name: 'Check coverage' }).click()
    await expect(page.getByTestId('targets-status')).toContainText('Done: 1 of 1 query done')
    const cat = new Map<string, Map<string, number>>()
    for (const [name, ra, dec] of targets) {
      const [, [n]] = await archiveCsv(`SELECT COUNT(*) FROM safcat.kids_dr4_cat WHERE CONTAINS(POINT('', raj2000, decj2000), CIRCLE('', ${ra}, ${dec}, ${1 / 60})) = 1`) as [string[], string[]]
      cat.set(name, Number(n) ? new Map([['rows', Number(n)]]) : new Map())
    }
    expect(await shownMatrix(page)).toEqual(cat)
    expect(cat.get('kids field')!.get('rows')).toBeGreaterThan(0)
    await expect(page.getByTestId('result-grid').locator('.ag-header-cell').nth(0)).toContainText('target_name_in')
  })
})
