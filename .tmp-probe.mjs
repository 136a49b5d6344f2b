import { chromium } from '@playwright/test'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' })
const p = await b.newPage()
p.on('response', async (r) => { if (/dlmeta|preview|static/.test(r.url())) console.log(r.status(), r.url().slice(0, 160), r.headers()['content-type'], r.headers()['x-upstream-status'] ?? '', r.headers()['x-upstream-location'] ?? '') })
await p.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort())
await p.goto('http://127.0.0.1:4417/search?profile=local&target=265.1754%20-53.6743&radius=6&collection=FORS2&go=1')
await p.waitForTimeout(20000)
console.log(await p.locator('.ag-cell[col-id="x-preview"]').allInnerTexts())
await b.close()
