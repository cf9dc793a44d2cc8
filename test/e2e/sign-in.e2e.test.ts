import { expect, test } from 'vitest'
import {
  AccountPage,
  BasePage,
  clickAndWait,
  DEMO_EMAIL,
  e2eSuite,
  expectNoAxeViolations,
  SignedOutPage,
  SignInPage,
  TEST_PASSWORD,
} from './support/index.ts'

e2eSuite('Signing in and out', (e2e) => {
  test('a scrutiny officer signs in with the keyboard, sees their name and signs out', async () => {
    const page = await e2e.newPage()
    await page.goto('/')
    const home = new BasePage(page, /.+/)
    expect(await home.signedInAs()).toBeNull()

    // The "Sign in" link in the menu, reached with Tab from the top of the page.
    await clickAndWait(page, () => tabTo(page, 'a[href="/sign-in"]').then(() => page.keyboard.press('Enter')))
    const signInPage = await new SignInPage(page).verifyOnPage()

    await tabTo(page, '#email')
    await page.keyboard.type(DEMO_EMAIL.scrutiny_officer)
    await page.keyboard.press('Tab')
    expect(await focusedId(page)).toBe('password')
    await page.keyboard.type(TEST_PASSWORD)
    await clickAndWait(page, () => page.keyboard.press('Enter'))

    expect(new URL(page.url()).pathname).toBe('/')
    expect(await signInPage.signedInAs()).toBe('Demo scrutiny officer')
    await expect(page.getByRole('link', { name: 'Demo scrutiny officer' }).isVisible()).resolves.toBe(true)

    await clickAndWait(page, () => page.getByRole('link', { name: 'Demo scrutiny officer' }).click())
    const account = await new AccountPage(page).verifyOnPage()
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Scrutiny officer')
    await expectNoAxeViolations(page)

    await tabTo(page, 'button.app-link-button')
    await clickAndWait(page, () => page.keyboard.press('Enter'))
    const signedOut = await new SignedOutPage(page).verifyOnPage()
    expect(await signedOut.signedInAs()).toBeNull()
    await expectNoAxeViolations(page)

    // The session is over: the account page now asks to sign in.
    await page.goto('/account')
    await new SignInPage(page).verifyOnPage()
    expect(await account.signedInAs()).toBeNull()
  })

  test('a wrong password shows the error summary and the field error, and focus moves to the summary', async () => {
    const page = await e2e.newPage()
    const signInPage = await SignInPage.visit(page)
    await signInPage.email().fill(DEMO_EMAIL.scrutiny_officer)
    await signInPage.password().fill('not the password at all')
    await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))

    await signInPage.verifyOnPage()
    expect(await page.title()).toMatch(/^Error: Sign in/)
    expect(await signInPage.errorSummary()).toEqual(['Enter a correct email address and password'])
    expect(await signInPage.fieldError('email')).toBe('Enter a correct email address and password')
    expect(await signInPage.email().inputValue()).toBe(DEMO_EMAIL.scrutiny_officer)
    expect(await signInPage.signedInAs()).toBeNull()

    // govuk-frontend moves focus to the summary so a screen reader announces it.
    await page.waitForFunction(() => document.activeElement?.closest('.govuk-error-summary') !== null)
    // …and its link takes you to the field.
    await page.getByRole('link', { name: 'Enter a correct email address and password' }).click()
    await page.waitForFunction(() => document.activeElement?.id === 'email')
    await expectNoAxeViolations(page)
  })
})

async function focusedId(page: import('playwright-core').Page) {
  return page.evaluate(() => document.activeElement?.id ?? '')
}

/** Presses Tab until `selector` has focus (at most 40 times), as a keyboard user would. */
async function tabTo(page: import('playwright-core').Page, selector: string) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`Could not reach ${selector} with the Tab key`)
}
