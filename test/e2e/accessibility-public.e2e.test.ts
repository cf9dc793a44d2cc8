import { ALL_ROLES } from '../support/harness.ts'
import { e2eSuite } from './support/index.ts'
import { scanEveryPage } from './support/every-page.ts'

/**
 * Every page, scanned by axe signed out and as each role but the scrutiny officer's (whose pages
 * are scanned in accessibility-staff.e2e.test.ts): architecture.md, Budgets, zero violations on
 * every page. The pages are listed in support/every-page.ts.
 */
e2eSuite('Accessibility of every page, signed out and for most roles', (e2e) => {
  scanEveryPage(
    e2e,
    ALL_ROLES.filter((role) => role !== 'scrutiny_officer'),
  )
})
