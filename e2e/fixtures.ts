import { test as base, expect, type Locator, type Page } from '@playwright/test'

export const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'

/** What a page did that a user would call a problem: console errors, page errors, requests leaving the machine. */
export interface PageWatch {
  consoleErrors: string[]
  pageErrors: string[]
  externalRequests: string[]
}

function isLoopback(url: string): boolean {
  try {
    const u = new URL(url)
    if (u.protocol === 'data:' || u.protocol === 'blob:') return true
    return u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]'
  } catch {
    return true
  }
}

export const test = base.extend<{ watch: PageWatch }>({
  // automatic: every test's page is watched and kept on this machine, whether or not it asks for `watch`
  watch: [async ({ page }, use) => {
    const watch: PageWatch = { consoleErrors: [], pageErrors: [], externalRequests: [] }
    page.on('console', (m) => {
      if (m.type() === 'error') watch.consoleErrors.push(m.text())
    })
    page.on('pageerror', (e) => watch.pageErrors.push(e.message))
    page.on('request', (r) => {
      if (!isLoopback(r.url())) watch.externalRequests.push(r.url())
    })
    // nothing may leave the machine: such requests fail at once instead of hanging
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost|\[::1\])/, (route) => route.abort('blockedbyclient'))
    // nor through the app's proxy towards ESO's live hosts (the eso profile is the default)
    await page.route(/\/proxy\/eso-/, (route) => {
      watch.externalRequests.push(route.request().url())
      return route.abort('blockedbyclient')
    })
    await use(watch)
  }, { auto: true }],
})

export { expect }

/** Runs a TAP query against the local archive from Node (CSV), to compare with what the page shows. */
export async function archiveCsv(query: string): Promise<string[][]> {
  const body = new URLSearchParams({ REQUEST: 'doQuery', LANG: 'ADQL', RESPONSEFORMAT: 'csv', QUERY: query })
  const res = await fetch(`${ARCHIVE}/tap/sync`, { method: 'POST', body })
  if (!res.ok) throw new Error(`archive answered ${res.status}`)
  return parseCsv(await res.text())
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** The text in the ADQL editor (CodeMirror keeps one element per line). */
export async function editorText(page: Page): Promise<string> {
  return (await page.getByRole('textbox', { name: 'ADQL query' }).innerText()).replace(/\u200b/g, '')
}

export async function expectEditorText(page: Page, text: string): Promise<void> {
  await expect.poll(() => editorText(page)).toBe(text)
}

/** Puts a query in the ADQL editor. A fill racing the editor's first focus (CodeMirror puts its cursor back at 0)
 *  can land before the old text instead of replacing it: fill until the editor holds exactly the query. */
export async function fillAdql(page: Page, query: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'ADQL query' })
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim()
  await expect(async () => {
    await editor.fill(query)
    expect(norm(await editorText(page))).toBe(norm(query))
  }).toPass({ timeout: 15_000 })
}

export async function runAdql(page: Page, query: string): Promise<void> {
  await fillAdql(page, query)
  await page.getByRole('button', { name: 'Run', exact: true }).click()
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))

/** Pixels of each colour (±tolerance per channel) in a screenshot, decoded in the page with Image + canvas. */
export async function countColours(page: Page, target: Locator, colours: string[], tolerance = 24): Promise<number[]> {
  return (await coloursInPng(page, await target.screenshot(), colours, tolerance)).counts
}

/** Pixels of each colour in a PNG (decoded in the page), and how many pixels it has. */
export async function coloursInPng(page: Page, image: Buffer, colours: string[], tolerance = 24): Promise<{ counts: number[]; pixels: number }> {
  const { groups, pixels } = await colourGroupsInPng(page, image, colours.map((c) => [c]), tolerance)
  return { counts: groups.map((g) => g.n), pixels }
}

/** A PNG's pixels (RGBA, row by row), decoded in the page with Image + canvas. */
export async function pngPixels(page: Page, image: Buffer): Promise<{ width: number; height: number; data: Uint8Array }> {
  const { width, height, rgba } = await page.evaluate(async (png) => {
    const img = new Image()
    img.src = `data:image/png;base64,${png}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.width
    canvas.height = img.height
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const d = ctx.getImageData(0, 0, img.width, img.height).data
    let bytes = ''
    for (let i = 0; i < d.length; i += 0x8000) bytes += String.fromCharCode(...d.subarray(i, i + 0x8000))
    return { width: img.width, height: img.height, rgba: btoa(bytes) }
  }, image.toString('base64'))
  return { width, height, data: new Uint8Array(Buffer.from(rgba, 'base64')) }
}

/**
 * Pixels of each group of colours (±tolerance per channel; a pixel counts for the first group it matches) in a PNG:
 * how many, and the centre of those pixels in the image's own coordinates.
 */
export async function colourGroupsInPng(page: Page, image: Buffer, groups: string[][], tolerance = 24): Promise<{ groups: { n: number; x: number; y: number }[]; pixels: number }> {
  const { width, data: d } = await pngPixels(page, image)
  const wanted = groups.map((g) => g.map(rgb))
  const out = wanted.map(() => ({ n: 0, x: 0, y: 0 }))
  for (let i = 0; i < d.length; i += 4) {
    const g = wanted.findIndex((cs) => cs.some((c) => Math.abs(d[i]! - c[0]!) <= tolerance && Math.abs(d[i + 1]! - c[1]!) <= tolerance && Math.abs(d[i + 2]! - c[2]!) <= tolerance))
    if (g < 0) continue
    const p = i / 4
    out[g]!.n++
    out[g]!.x += p % width
    out[g]!.y += Math.floor(p / width)
  }
  return { groups: out.map((o) => ({ n: o.n, x: o.x / Math.max(1, o.n), y: o.y / Math.max(1, o.n) })), pixels: d.length / 4 }
}

/** Viewport position of a sky position, from the Aladin view inside SkyView. */
export async function skyPixel(page: Page, ra: number, dec: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ ra, dec }) => {
      const host = document.querySelector('.sky-host') as HTMLElement & { __sky: { aladin: { world2pix(ra: number, dec: number): [number, number] } } }
      const [x, y] = host.__sky.aladin.world2pix(ra, dec)
      const r = host.querySelector('.sky-aladin')!.getBoundingClientRect()
      return { x: r.left + x, y: r.top + y }
    },
    { ra, dec },
  )
}
