import type { Page } from 'playwright-core'
import type { Role } from '#src/platform/auth/user.ts'
import { DEMO_EMAIL, TEST_PASSWORD } from '../../support/harness.ts'
import { BasePage, SignInPage } from './pages.ts'

/** Signs in through the form, as a person would, with the demo account of `role`. */
export async function signIn(page: Page, role: Role) {
  const signInPage = await SignInPage.visit(page)
  await signInPage.signIn(DEMO_EMAIL[role], TEST_PASSWORD)
  const signedInAs = await new BasePage(page, /.*/).signedInAs()
  if (!signedInAs) throw new Error(`Signing in as ${role} did not work: ${page.url()} shows no "Signed in as" line`)
}
