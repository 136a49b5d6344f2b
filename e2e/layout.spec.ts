/** Every view at 800 px and at 1280×720, as a user on a small laptop or a half screen meets it: no sideways scroll,
 *  a header whose controls never sit on each other, Log in whole, and in Search the sky under the grid when narrow. */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { VIEWS, inTheme, type Theme } from './views'

const OUT = process.env.E2E_OUT ?? 'test-results'
const SIZES = [
  { width: 1400, height: 900, checked: false },
  { width: 1280, height: 720, checked: true },
  { width: 800, height: 900, checked: true },
]
const THEMES: Theme[] = ['light', 'dark']

interface Box { name: string; x: number; y: number; width: number; height: number }

/** The header's controls, each with its box: brand, each view link, services, access badge, theme, SAMP, login. */
async function headerBoxes(page: Page): Promise<Box[]> {
  return page.locator('header.app-header').evaluate((header) => {
    const parts = [
      ...header.querySelectorAll(':scope > .brand, nav a, .profile-picker, .access-badge, .header-right > button, .samp-slot > *, .login-slot > *'),
    ]
    return parts
      .filter((el) => !el.closest('.login-popover, .login-status, .samp-note'))
      .map((el) => {
        const r = el.getBoundingClientRect()
        return { name: `${el.className || el.tagName} “${(el.textContent ?? '').trim().slice(0, 20)}”`, x: r.x, y: r.y, width: r.width, height: r.height }
      })
      .filter((b) => b.width > 0 && b.height > 0)
  })
}

function overlaps(a: Box, b: Box): boolean {
  const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return dx > 0.5 && dy > 0.5
}

/** What this size asks of every view. */
async function expectFits(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
  expect.soft(scrollWidth, `${where}: no sideways scroll`).toBeLessThanOrEqual(innerWidth)
  const boxes = await headerBoxes(page)
  expect.soft(boxes.length, `${where}: the header's controls are found`).toBeGreaterThan(6)
  const clashes: string[] = []
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) if (overlaps(a, b)) clashes.push(`${a.name} × ${b.name}`)
  expect.soft(clashes, `${where}: header controls overlap`).toEqual([])
  for (const b of boxes) expect.soft(b.x + b.width, `${where}: ${b.name} inside the window`).toBeLessThanOrEqual(innerWidth)
  const login = page.getByTestId('login-slot').locator(':scope > button', { hasText: 'Log in' })
  if (await login.count()) {
    const box = (await login.boundingBox())!
    expect.soft(box.x, `${where}: Log in whole`).toBeGreaterThanOrEqual(0)
    expect.soft(box.x + box.width, `${where}: Log in whole`).toBeLessThanOrEqual(innerWidth)
    // its text is not cut by its own box
    expect.soft(await login.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `${where}: Log in text whole`).toBe(true)
  }
}

/** In Search at 800 px: the sky under the grid, the grid wide enough for at least four columns. */
async function expectSearchStacked(page: Page) {
  const grid = (await page.getByTestId('result-grid').boundingBox())!
  const sky = (await page.locator('.sky-host').boundingBox())!
  expect.soft(sky.y, 'the sky is below the grid').toBeGreaterThanOrEqual(grid.y + grid.height)
  const shown = await page.getByTestId('result-grid').evaluate((g) => {
    const view = (g.querySelector('.ag-root-wrapper') ?? g).getBoundingClientRect()
    return [...g.querySelectorAll('[role="columnheader"]')].filter((c) => {
      const r = c.getBoundingClientRect()
      return r.width > 0 && r.left >= view.left - 1 && r.right <= view.right + 1
    }).length
  })
  expect.soft(shown, 'columns wholly in view at 800 px').toBeGreaterThanOrEqual(4)
}

for (const [view, open] of Object.entries(VIEWS)) {
  for (const theme of THEMES) {
    test(`${view}, ${theme}: fits 800 px and 1280×720, header controls apart, Log in whole`, async ({ page, watch }) => {
      await inTheme(page, theme)
      await open(page)
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      for (const { width, height, checked } of SIZES) {
        await page.setViewportSize({ width, height })
        // let the grid and the sky follow the new size
        await page.waitForTimeout(400)
        const where = `${view} ${width}×${height} ${theme}`
        if (checked) await expectFits(page, where)
        if (view === 'search' && width === 800) await expectSearchStacked(page)
        await page.screenshot({ path: `${OUT}/screenshots/layout-${view}-${width}x${height}-${theme}.png` })
      }
      expect(watch.pageErrors).toEqual([])
    })
  }
}
