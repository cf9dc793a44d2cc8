import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe } from 'vitest'
import { DEMO_EMAIL, TEST_PASSWORD, type TestRole } from '../../support/harness.ts'
import { chromiumAvailable, launchChromium } from './browser.ts'
import { type E2EServer, startE2EServer } from './server.ts'
import { signIn } from './session.ts'

export { expectNoAxeViolations } from './axe.ts'
export * from './pages.ts'
export { signIn } from './session.ts'
export { startAppOnSameDatabase, startE2EServer } from './server.ts'
export { appendixId, recommendationId, workProgrammeItemId } from './records.ts'
export { launchChromium } from './browser.ts'
export { DEMO_EMAIL, TEST_PASSWORD, type TestRole }

export interface E2E {
  /** The app under test: http://localhost:<port>. */
  readonly baseUrl: string
  readonly server: E2EServer
  readonly browser: Browser
  /** A new browser context (its own cookies) with one page, closed after the test; signed in when role is given. */
  newPage(role?: TestRole): Promise<Page>
  /**
   * A context that the caller closes: for a describe block that shares one signed-in session.
   * Script errors and CSP violations in any of its pages fail the test that was running.
   */
  newContext(): Promise<BrowserContext>
}

/**
 * A suite of browser journeys: one app (in-memory PGlite with the demo data) and one Chromium for
 * the file. Skipped with a message when Chromium is missing, except under CI=true where that fails.
 *
 *   e2eSuite('Sign in', (e2e) => {
 *     test('…', async () => { const page = await e2e.newPage('member'); … })
 *   })
 */
export function e2eSuite(
  name: string,
  body: (e2e: E2E) => void,
  /** The app, when not the usual one (startE2EServer with its defaults). */
  start: () => Promise<E2EServer> = startE2EServer,
) {
  const run = chromiumAvailable()
  ;(run ? describe : describe.skip)(name, () => {
    let server: E2EServer | undefined
    let browser: Browser | undefined
    const open: BrowserContext[] = []
    // What a person would not see but that means the page is broken: uncaught script errors and
    // anything the Content Security Policy blocked. Checked after every test.
    const problems: string[] = []

    beforeAll(async () => {
      ;[server, browser] = await Promise.all([start(), launchChromium()])
    })
    afterEach(async () => {
      await Promise.all(open.splice(0).map((context) => context.close()))
      const found = problems.splice(0)
      if (found.length) throw new Error(`The browser reported problems:\n  ${found.join('\n  ')}`)
    })
    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    const e2e: E2E = {
      get baseUrl() {
        return server!.baseUrl
      },
      get server() {
        return server!
      },
      get browser() {
        return browser!
      },
      async newContext() {
        const context = await browser!.newContext({ baseURL: server!.baseUrl })
        context.on('weberror', (error) => {
          problems.push(`Script error on ${error.page()?.url()}: ${error.error().message}`)
        })
        context.on('console', (message) => {
          if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
            problems.push(`Blocked by the Content Security Policy on ${message.page()?.url()}: ${message.text()}`)
          }
        })
        return context
      },
      async newPage(role = 'public') {
        const context = await e2e.newContext()
        open.push(context)
        const page = await context.newPage()
        if (role !== 'public') await signIn(page, role)
        return page
      },
    }
    body(e2e)
  })
}
