import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ALL_ROLES } from '../support/harness.ts'
import { e2eSuite, expectNoAxeViolations, headingOf, signIn } from './support/index.ts'

/**
 * Every page a person can reach, scanned by axe signed out and signed in as each demo role
 * (architecture.md, Budgets: zero violations on every page). Add a page here when you add one.
 * `status` is what every role gets; a page some roles cannot see belongs in its own list.
 */
const PAGES: { path: string; status?: number }[] = [
  { path: '/' },
  { path: '/bodies' },
  { path: '/bodies/children-and-young-peoples-scrutiny-committee' },
  { path: '/meetings' },
  { path: '/people' },
  { path: '/sign-in' },
  { path: '/no-such-page', status: 404 },
]

e2eSuite('Accessibility of every page', (e2e) => {
  describe.each(ALL_ROLES)('as %s', (role) => {
    let context: BrowserContext
    let page: Page

    beforeAll(async () => {
      context = await e2e.newContext()
      page = await context.newPage()
      if (role !== 'public') await signIn(page, role)
    })
    afterAll(async () => {
      await context?.close()
    })

    test.each(PAGES)('$path has no axe violations', async ({ path, status = 200 }) => {
      const response = await page.goto(path)
      expect(response?.status(), `status of ${path}`).toBe(status)
      expect(await headingOf(page), `${path} has a heading`).not.toBe('')
      await expectNoAxeViolations(page)
    })
  })
})
