import { test, expect, runAdql, expectEditorText, fillAdql } from './fixtures'
import { EMBARGOED, PRIVATE_QUERY, OUT, passwordLogin, storageDump, noUnexpectedErrors } from './auth-helpers'

test('ESO token login: the authorised query shows the private rows that an anonymous one does not', async ({ page, watch }) => {
  await page.goto('/adql?profile=local-auth')
  await runAdql(page, PRIVATE_QUERY)
  await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('0 rows')

  await passwordLogin(page, 'esoteam', 's3cret')
  await expect(page.getByTestId('login-who')).toContainText('Logged in as ESO Team until')
  // the time of day in UTC, 24-hour, said to be UTC (8-hour tokens: today's date or the whole date)
  await expect(page.getByTestId('login-who')).toContainText(/until (\d{4}-\d\d-\d\d )?\d\d:\d\d UTC/)
  // logged in, but the switch is off: tap_obs gets no token, same records
  await page.getByRole('button', { name: 'Run' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('0 rows')

  await page.getByLabel('Authorised query').check()
  await expect(page.getByTestId('authorised-query')).toContainText('useful only to users granted special permissions')
  await page.getByRole('button', { name: 'Run' }).click()
  const grid = page.getByTestId('result-grid')
  await expect(grid.locator('.ag-row')).toHaveCount(3)
  await expect(grid.getByText('PRIVATE eta Car')).toBeVisible()
  await page.screenshot({ path: `${OUT}/header-logged-in.png` })

  // the token is in sessionStorage only, never in localStorage or the URL
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('eae-auth:session') ?? '{}').bearer as string)
  expect(token).toMatch(/^ey/)
  const stores = await storageDump(page)
  expect(stores.local).not.toContain(token)
  expect(page.url()).not.toContain(token)

  // a member without the permission (valid token) sees the same records as anonymous users
  await page.getByRole('button', { name: 'Log out' }).click()
  await passwordLogin(page, 'visitor', 'visitor')
  await page.getByRole('button', { name: 'Run' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('0 rows')
  noUnexpectedErrors(watch)
})

test('wrong password: a clear message, nothing stored', async ({ page }) => {
  await page.goto('/adql?profile=local-auth')
  await page.getByTestId('login-slot').getByRole('button', { name: 'Log in' }).click()
  const dialog = page.getByRole('dialog', { name: 'Log in' })
  await dialog.getByLabel('Username').fill('esoteam')
  await dialog.getByLabel('Password').fill('wrong')
  await dialog.getByRole('button', { name: 'Log in', exact: true }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Wrong username or password')
  await page.screenshot({ path: `${OUT}/login-dialog-wrong-password.png` })
  expect((await storageDump(page)).session).not.toContain('eae-auth:session')
})

test('an expired token prompts a re-login and the query text survives', async ({ page }) => {
  await page.clock.install()
  await page.goto('/adql?profile=local-auth')
  await passwordLogin(page, 'esoteam', 's3cret')
  await page.getByLabel('Authorised query').check()
  await runAdql(page, PRIVATE_QUERY)
  await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(3)
  const query = `${PRIVATE_QUERY} -- keep me`
  await fillAdql(page, query)

  // 7 h 51 min later: ESO's 8-hour token is within its last 10 minutes, so the app stops using it
  await page.clock.fastForward('07:51:00')
  const prompt = page.getByRole('alertdialog', { name: 'Login expired' })
  await expect(prompt).toContainText('The session of esoteam has ended')
  await expect(page.getByTestId('login-who')).toHaveCount(0)
  await expectEditorText(page, query)
  await page.screenshot({ path: `${OUT}/relogin-prompt.png` })
  expect(await page.evaluate(() => sessionStorage.getItem('eae-auth:session'))).toBeNull()

  // back to the provider's time, so the new token is current; the prompt logs in again in place
  await page.clock.setSystemTime(Date.now())
  await expect(prompt.getByLabel('Username')).toHaveValue('esoteam')
  await prompt.getByLabel('Password').fill('s3cret')
  await prompt.getByRole('button', { name: 'Log in', exact: true }).click()
  await expect(prompt).toHaveCount(0)
  await expect(page.getByTestId('login-who')).toContainText('ESO Team')
  await expectEditorText(page, query)
  await page.getByRole('button', { name: 'Run' }).click()
  await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(3)
})

test('OpenID Connect code + PKCE: redirect login keeps the query; logout forgets the tokens', async ({ page }) => {
  await page.goto('/adql?profile=local-auth')
  const query = `${PRIVATE_QUERY} -- via the provider`
  await fillAdql(page, query)
  await page.getByLabel('Authorised query').check()
  await page.getByTestId('login-slot').getByRole('button', { name: 'Log in' }).click()
  const authorize = page.waitForRequest(/127\.0\.0\.1:18110\/auth\?/)
  await page.getByRole('button', { name: 'Log in with 127.0.0.1:18110' }).click()

  // the provider's own login page (node-oidc-provider), then back to the app
  const params = new URL((await authorize).url()).searchParams
  expect(params.get('response_type')).toBe('code')
  expect(params.get('code_challenge_method')).toBe('S256')
  expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/)
  await page.locator('input[name="login"]').fill('esoteam')
  await page.locator('input[name="password"]').fill('s3cret')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await page.waitForURL(/127\.0\.0\.1:\d+\/adql/)
  await expect(page.getByTestId('login-who')).toContainText('Logged in as ESO Team until')
  await expectEditorText(page, query)
  expect(page.url()).not.toMatch(/code=|token/)

  const stores = await storageDump(page)
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('eae-auth:session') ?? '{}').bearer as string)
  expect(token).toMatch(/^ey/)
  expect(stores.local).not.toContain(token)
  expect(stores.local).not.toMatch(/id_token|access_token|code_verifier/)
  await page.getByRole('button', { name: 'Run' }).click()
  await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(3)

  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page.getByTestId('login-slot').getByRole('button', { name: 'Log in' })).toBeVisible()
  await expect.poll(async () => (await storageDump(page)).session).not.toMatch(/eae-auth:session|oidc\.user/)
  await page.getByRole('button', { name: 'Run' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('0 rows')
})

test('a download script for private rows carries no token, only the instruction to set one', async ({ page }) => {
  await page.goto('/adql?profile=local-auth')
  await passwordLogin(page, 'esoteam', 's3cret')
  await page.getByLabel('Authorised query').check()
  await runAdql(page, "SELECT dp_id, obs_publisher_did, target_name FROM ivoa.ObsCore WHERE obs_collection = 'PRIVATE' ORDER BY dp_id")
  const grid = page.getByTestId('result-grid')
  await expect(grid.locator('.ag-row')).toHaveCount(3)
  await grid.locator('.ag-row', { hasText: 'PRIVATE eta Car' }).locator('.ag-cell').first().click()
  await page.getByRole('button', { name: 'Download script (1)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Bulk download' })
  // the private row's DataLink (on the gateway, with the token) names the embargoed file
  const script = dialog.getByRole('textbox', { name: 'Download script' })
  await expect(script).toHaveValue(new RegExp(EMBARGOED.replace(/[.?]/g, '\\$&')))
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('eae-auth:session') ?? '{}').bearer as string)
  for (const flavour of ['curl', 'wget', 'python']) {
    await dialog.getByRole('combobox', { name: 'Script flavour' }).selectOption(flavour)
    const text = await script.inputValue()
    expect(text).toContain('ESO_TOKEN')
    expect(text).not.toContain(token)
    expect(text).not.toContain(token.split('.')[1]!)
    expect(text).not.toMatch(/s3cret/)
  }
})

test('OpenID Connect silent renew: before the token runs out, a new one arrives without leaving the page', async ({ page, watch }) => {
  await page.clock.install()
  await page.goto('/adql?profile=local-auth')
  const query = `${PRIVATE_QUERY} -- renewed`
  await fillAdql(page, query)
  await page.getByTestId('login-slot').getByRole('button', { name: 'Log in' }).click()
  await page.getByRole('button', { name: 'Log in with 127.0.0.1:18110' }).click()
  await page.locator('input[name="login"]').fill('esoteam')
  await page.locator('input[name="password"]').fill('s3cret')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await page.waitForURL(/127\.0\.0\.1:\d+\/adql/)
  await expect(page.getByTestId('login-who')).toContainText('ESO Team')
  const bearer = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('eae-auth:session') ?? '{}').bearer as string | undefined)
  const first = await bearer()
  const silent = page.waitForRequest(/\/auth\/silent\?code=/)
  // 7 h 49 min 30 s later: 11 minutes before the 8-hour token ends, oidc-client-ts renews in a hidden iframe
  await page.clock.fastForward('07:49:30')
  await silent
  await expect.poll(bearer).not.toBe(first)
  expect(await bearer()).toMatch(/^ey/)
  await expect(page.getByRole('alertdialog', { name: 'Login expired' })).toHaveCount(0)
  await expect(page.getByTestId('login-who')).toContainText('ESO Team')
  await expectEditorText(page, query)
  expect(watch.pageErrors).toEqual([])
})

/** NAXISn of a FITS primary header, from its 80-character cards. */
