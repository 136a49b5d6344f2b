/** Accessibility as axe-core finds it: every view with something in it, in the light and the dark theme, has no
 *  serious or critical violation; and the editor, which keeps Tab for indenting, can be left with the keyboard. */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, fillAdql } from './fixtures'
import { IMAGE, VIEWS, inTheme, type Theme } from './views'

const THEMES: Theme[] = ['light', 'dark']

/** What axe finds at serious or critical impact, one line a node, readable in a failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    // axe.run in the page itself (the app has no frames), and only the violations sent back: the default run
    // (runPartial, then finishRun in a second page, with every passing node) takes a minute beside the grid
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    // the sky widget's own controls (Aladin Lite's buttons and images) are the sky spec's to check, not this one's
    .exclude('.sky-host')
    .analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`))
}

/** Views and states beyond the plain views: the editor's completion list open, a DataLink with an error row. */
const STATES: Record<string, (page: Page) => Promise<void>> = {
  ...VIEWS,
  async 'adql-completion'(page) {
    await VIEWS.adql!(page)
    await expect(page.getByRole('complementary', { name: 'Schema browser' }).getByText(/\d+ tables/)).toBeVisible()
    await fillAdql(page, 'SELECT TOP 3 * FROM ivoa')
    await page.keyboard.press('End')
    await page.keyboard.type('.Ob')
    await expect(page.locator('.cm-tooltip-autocomplete').getByRole('option').first()).toBeVisible()
  },
  /** a progenitor's calibrations open: the set's badges ("complete set", "certified") */
  async 'datalink-calibrations'(page) {
    await VIEWS.datalink!(page)
    const provenance = page.getByRole('group', { name: /Provenance/ })
    await provenance.getByRole('button', { name: 'Calibrations' }).first().click()
    await expect(provenance.getByTestId('calibration-set')).toContainText('complete set')
  },
  async 'datalink-error-row'(page) {
    await page.route(/\/eso\/q\/dl\/dlmeta/, async (route) => {
      const res = await route.fetch()
      const error = `<TR><TD>ivo://eso.localtest/ID?${IMAGE}</TD><TD></TD><TD></TD><TD>NotAuthorizedFault: you do not have access permissions</TD><TD></TD><TD>#auxiliary</TD><TD></TD><TD>-1</TD><TD></TD></TR>`
      await route.fulfill({ response: res, body: (await res.text()).replace('<TABLEDATA>', `<TABLEDATA>${error}`) })
    })
    await VIEWS.datalink!(page)
    await expect(page.getByRole('group', { name: 'Errors' })).toContainText('NotAuthorizedFault')
  },
}

for (const [state, open] of Object.entries(STATES)) {
  for (const theme of THEMES) {
    test(`${state}, ${theme}: no serious or critical axe violation`, async ({ page }) => {
      test.setTimeout(120_000)
      await inTheme(page, theme)
      await open(page)
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      expect(await seriousViolations(page)).toEqual([])
    })
  }
}

test('the editor keeps Tab for indenting, says how to leave it, and Esc then Tab moves on', async ({ page }) => {
  await page.goto('/adql?profile=local')
  const editor = page.getByRole('textbox', { name: 'ADQL query' })
  await fillAdql(page, 'SELECT *')
  await expect(editor).toHaveAccessibleDescription('Tab indents. Esc, then Tab leaves the editor.')
  await expect(page.getByText('Tab indents. Esc, then Tab leaves the editor.')).toBeVisible()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  // Tab indented the new line, focus stayed
  await expect(editor).toBeFocused()
  await expect.poll(() => editor.evaluate((el) => (el.textContent ?? '').length)).toBeGreaterThan('SELECT *'.length)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Tab')
  await expect(editor).not.toBeFocused()
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeFocused()
  // and Shift+Tab comes back
  await page.keyboard.press('Shift+Tab')
  await expect(editor).toBeFocused()
})
