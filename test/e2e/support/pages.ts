import type { Locator, Page } from 'playwright-core'

/** Clicks (or presses Enter on) something that loads a new page, and waits for that page to load. */
export async function clickAndWait(page: Page, target: Locator | (() => Promise<unknown>)) {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() })
  try {
    await (typeof target === 'function' ? target() : target.click())
  } catch (error) {
    navigated.catch(() => {}) // the click failed: nobody waits for the page any more
    throw error
  }
  await navigated
  await page.waitForLoadState('load')
}

/** The text of the page's <h1>, whitespace folded. */
export async function headingOf(page: Page): Promise<string> {
  const text = await page.locator('h1').first().textContent({ timeout: 5_000 })
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

/**
 * A page object: knows its heading, and checks the browser is on it before anything else.
 * Journeys build on these so a wrong page fails with "expected heading X, got Y".
 */
export class BasePage {
  constructor(
    readonly page: Page,
    readonly heading: string | RegExp,
  ) {}

  async verifyOnPage(): Promise<this> {
    const actual = await headingOf(this.page)
    const matches = typeof this.heading === 'string' ? actual === this.heading : this.heading.test(actual)
    if (!matches) {
      throw new Error(`Expected to be on the page headed "${this.heading}" but ${this.page.url()} has "${actual}"`)
    }
    return this
  }

  /** The "Signed in as …" line, or null when signed out. */
  async signedInAs(): Promise<string | null> {
    const line = this.page.locator('.app-sign-out p')
    if ((await line.count()) === 0) return null
    const text = ((await line.textContent()) ?? '').replace(/\s+/g, ' ').trim()
    return text.replace(/^Signed in as /, '').replace(/ Sign out$/, '')
  }

  signOutButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign out' })
  }

  /** The messages in the GOV.UK error summary. */
  async errorSummary(): Promise<string[]> {
    const links = this.page.locator('.govuk-error-summary__list a')
    return (await links.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())
  }

  /** The error message shown with a field, without GOV.UK's visually hidden "Error:" prefix. */
  async fieldError(id: string): Promise<string> {
    const text = (await this.page.locator(`#${id}-error`).textContent()) ?? ''
    return text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^Error:\s*/, '')
  }
}

export class SignInPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Sign in')
  }

  static async visit(page: Page): Promise<SignInPage> {
    await page.goto('/sign-in')
    return new SignInPage(page).verifyOnPage()
  }

  email(): Locator {
    return this.page.getByLabel('Email address')
  }

  password(): Locator {
    return this.page.getByLabel('Password', { exact: true })
  }

  async signIn(email: string, password: string) {
    await this.email().fill(email)
    await this.password().fill(password)
    await clickAndWait(this.page, this.page.getByRole('button', { name: 'Sign in' }))
  }
}

export class SignedOutPage extends BasePage {
  constructor(page: Page) {
    super(page, 'You have signed out')
  }
}

export class AccountPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Your account')
  }
}
