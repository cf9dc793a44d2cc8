import { expect, test } from 'vitest'
import { type TestOidcProvider, startOidcProvider } from '../support/oidc-provider.ts'
import { freePort } from './support/server.ts'
import {
  AccountPage,
  BasePage,
  clickAndWait,
  e2eSuite,
  expectNoAxeViolations,
  SignedOutPage,
  SignInPage,
  startE2EServer,
} from './support/index.ts'

let provider: TestOidcProvider | undefined

/** The app on a port known in advance, so that the provider can know where to send people back. */
async function startWithProvider() {
  const port = await freePort()
  provider = await startOidcProvider(
    {
      'jo.scrutiny': { email: 'scrutiny@example.org', email_verified: true },
      stranger: { email: 'stranger@example.org', email_verified: true },
    },
    `http://localhost:${port}`,
  )
  const server = await startE2EServer({ port, oidc: provider.settings })
  return {
    ...server,
    async close() {
      await server.close()
      await provider?.close()
    },
  }
}

e2eSuite(
  'Signing in with the council’s account',
  (e2e) => {
    test('a scrutiny officer signs in at the council’s provider, and signing out signs out there too', async () => {
      const page = await e2e.newPage()
      await page.goto('/sign-in?returnTo=%2Faccount')
      await new SignInPage(page).verifyOnPage()
      await expectNoAxeViolations(page)

      await clickAndWait(page, page.getByRole('button', { name: 'Sign in with your council account' }))
      expect(page.url()).toMatch(new RegExp(`^${provider!.issuer}/interaction/`))
      await page.locator('input[name="login"]').fill('jo.scrutiny')
      await page.locator('input[name="password"]').fill('any password')
      // Back from another site after a form there: the Lax transaction cookie still comes along.
      await clickAndWait(page, page.getByRole('button', { name: 'Sign-in' }))
      await new AccountPage(page).verifyOnPage()
      expect(await new BasePage(page, /.+/).signedInAs()).toBe('Demo scrutiny officer')

      // The sign-out form leads to the provider's end-session page: the CSP's form-action allows it.
      await clickAndWait(page, page.getByRole('button', { name: 'Sign out' }))
      expect(page.url()).toMatch(new RegExp(`^${provider!.issuer}/session/end`))
      await clickAndWait(page, page.getByRole('button', { name: 'Yes, sign me out' }))
      await new SignedOutPage(page).verifyOnPage()
      await page.goto('/account')
      await new SignInPage(page).verifyOnPage()
    })

    test('someone with a council account but no Oversight account is told whom to ask', async () => {
      const page = await e2e.newPage()
      await SignInPage.visit(page)
      await clickAndWait(page, page.getByRole('button', { name: 'Sign in with your council account' }))
      await page.locator('input[name="login"]').fill('stranger')
      await page.locator('input[name="password"]').fill('any password')
      await clickAndWait(page, page.getByRole('button', { name: 'Sign-in' }))
      await new BasePage(page, 'There is no Oversight account for stranger@example.org').verifyOnPage()
      expect(await new BasePage(page, /.+/).signedInAs()).toBeNull()
      await expectNoAxeViolations(page)
    })
  },
  startWithProvider,
)
