import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestRole } from '../../support/harness.ts'
import { expectNoAxeViolations, loadAxeIntoEveryPage } from './axe.ts'
import type { E2E } from './index.ts'
import { appendixId, findingId, indicatorGroupId, recommendationId, themeId, workProgrammeItemId } from './records.ts'
import { signIn } from './session.ts'

export const BODY = 'children-and-young-peoples-scrutiny-committee'
export const JANUARY = `/meetings/2024-01-25-${BODY}`
export const NOVEMBER = `/meetings/2023-11-09-${BODY}`

/**
 * Every page a person can reach, scanned by axe (architecture.md, Budgets: zero violations on
 * every page). Add a page here when you add one. `status` is what every role gets.
 *
 * Ids the demo data gets afresh on each load are written as tokens and looked up when the test
 * runs: `:appendix` is Appendix 4(a), `:exempt-appendix` EX48/2023 Appendix 5a (exempt under
 * paragraph 3), `:recommendation` the committee's recommendation 1, `:work-item` the first item of its
 * work programme, `:finding` a finding of the 2022 ILACS, `:theme` a theme of the improvement plan,
 * `:group` the indicator group "outcome 3".
 */
export const PAGES: { path: string; status?: number }[] = [
  { path: '/' },
  { path: '/bodies' },
  { path: `/bodies/${BODY}` },
  { path: '/meetings' },
  { path: '/people' },
  { path: '/sign-in' },
  { path: '/no-such-page', status: 404 },
  { path: JANUARY },
  { path: `${JANUARY}/items/8/report` },
  { path: `${JANUARY}/items/4/report/appendices/:appendix` },
  { path: `${NOVEMBER}/minutes` },
  { path: '/search?q=fostering' },
  { path: '/open-data' },
  { path: '/accessibility' },
  { path: '/decisions' },
  { path: '/decisions/ex48-2023' },
  { path: '/forward-plan' },
  { path: `/bodies/${BODY}/work-programme` },
  { path: `/bodies/${BODY}/decisions` },
  { path: `/bodies/${BODY}/recommendations` },
  { path: '/recommendations/:recommendation' },
  { path: `/meetings/2023-09-21-${BODY}/minutes` },
  { path: '/people/kath-benson' },
  { path: '/decisions/ex47-2023' },
  { path: '/forward-plan/2024-01' },
  { path: '/forward-plan/2024-01/items/12-2022' },
  { path: `/bodies/${BODY}/work-programme/:work-item` },
  { path: '/waiting-lists' },
  { path: `/bodies/${BODY}/alerts` },
  { path: `/bodies/${BODY}/alerts/check-your-email` },
  { path: `/bodies/${BODY}/alerts/stopped` },
  { path: '/petitions' },
  { path: '/waiting-lists?month=2023-11' },
  { path: '/waiting-lists/speech-and-language-therapy' },
  { path: '/outcomes' },
  { path: '/outcomes/OF3.1' },
  { path: '/outcomes/PQ4' },
  { path: '/inspections' },
  { path: '/inspections/ofsted-2014' },
  { path: '/improvement-plans' },
  { path: '/improvement-plans/childrens-social-care-improvement-plan' },
  { path: '/improvement-plans/childrens-social-care-improvement-plan/since' },
  { path: '/improvement-plans/childrens-social-care-improvement-plan/milestones?rag=red' },
  { path: '/improvement-plans/childrens-social-care-improvement-plan/actions/1.1' },
  { path: '/inspections/ilacs-2022' },
  { path: NOVEMBER },
]

/**
 * Every page is scanned signed out and as a scrutiny officer (who sees the most: every edit link).
 * The other roles change only links and exempt material on the public pages, so they scan these
 * to keep the run short.
 */
export const SAMPLE = ['/', `/bodies/${BODY}`, JANUARY, `${JANUARY}/items/8/report`, `/bodies/${BODY}/recommendations`]

/** Pages only some roles can open: forms, the admin pages, exempt material. */
export const SIGNED_IN_PAGES: Partial<Record<TestRole, string[]>> = {
  member: [`${JANUARY}/items/4/report/appendices/:exempt-appendix`],
  officer: [
    '/my/recommendations',
    `${JANUARY}/items/8/report/edit`,
    `${JANUARY}/items/4/report/upload`,
    '/improvement-plans/childrens-social-care-improvement-plan/actions/1.5/milestones/new',
    '/improvement-plans/childrens-social-care-improvement-plan/versions/new',
    '/improvement-plans/childrens-social-care-improvement-plan/actions/new',
    '/improvement-plans/childrens-social-care-improvement-plan/actions/1.5',
    '/my/actions',
  ],
  scrutiny_officer: [
    '/my/recommendations',
    '/meetings/new',
    `${JANUARY}/items/new`,
    `${JANUARY}/items/8/report/edit`,
    `${JANUARY}/items/4/report/appendices/:exempt-appendix`,
    `${NOVEMBER}/minutes/edit`,
    `${NOVEMBER}/minutes/attendance/new`,
    `${JANUARY}/speakers/new`,
    `${JANUARY}/items/3/edit`,
    `${NOVEMBER}/motions/new`,
    `${NOVEMBER}/votes/new?item=5`,
    `${NOVEMBER}/minutes/declarations/new`,
    `/bodies/${BODY}/recommendations/new`,
    '/recommendations/:recommendation/edit',
    '/recommendations/:recommendation/updates/new',
    '/recommendations/:recommendation/status',
    '/recommendations/:recommendation/rag',
    '/recommendations/:recommendation/response',
    `${JANUARY}/edit`,
    `${JANUARY}/agenda/publish`,
    `/meetings/2024-03-27-${BODY}/agenda/publish`,
    `${JANUARY}/agenda/supplements/new`,
    `${JANUARY}/questions/new`,
    `/meetings/2024-03-27-${BODY}/agenda/supplements/new`,
    `${JANUARY}/items/4/report/appendices/new`,
    `${JANUARY}/items/4/report/appendices/generate`,
    `${JANUARY}/agenda/republish`,
    `${JANUARY}/delete`,
    `/meetings/2024-03-27-${BODY}/delete`,
    '/bodies/new',
    `/bodies/${BODY}/edit`,
    `/bodies/${BODY}/members/new`,
    '/people/new',
    '/people/kath-benson/edit',
    '/decisions/new',
    '/decisions/ex48-2023/edit',
    '/decisions/ex48-2023/documents/new',
    '/decisions/ex48-2023/call-ins/new',
    '/forward-plan/new',
    '/forward-plan/2024-01/edit',
    '/forward-plan/2024-01/items/new',
    '/forward-plan/2024-01/items/12-2022/edit',
    `/bodies/${BODY}/work-programme/new`,
    `/bodies/${BODY}/work-programme/:work-item/edit`,
    '/inspections/new',
    '/inspections/ilacs-2022/edit',
    '/inspections/ilacs-2022/findings/new',
    '/inspections/ilacs-2022/findings/:finding/edit',
    '/improvement-plans/new',
    '/petitions/new',
    '/improvement-plans/childrens-social-care-improvement-plan/edit',
    '/improvement-plans/childrens-social-care-improvement-plan/themes/new',
    '/improvement-plans/childrens-social-care-improvement-plan/themes/:theme/edit',
  ],
  analyst: [
    '/waiting-lists/camhs/figures/new',
    '/waiting-lists/camhs/figures/2023-12/edit',
    '/outcomes/import',
    '/outcomes/populations',
    '/outcomes/OF3.1/2024-03/edit',
    '/outcomes/new',
    '/outcomes/OF3.1/edit',
    '/outcomes/periods',
    '/waiting-lists/new',
    '/waiting-lists/camhs/edit',
    '/outcomes/groups',
    '/outcomes/groups/new',
    '/outcomes/groups/:group/edit',
  ],
  admin: [
    '/admin',
    '/admin/imports',
    '/admin/imports/new',
    '/admin/accounts',
    '/admin/audit',
    '/admin/accounts/new',
    '/admin/backups',
    '/admin/settings',
    '/admin/settings/council-name',
    '/admin/settings/call-in',
    '/admin/settings/publication-notice',
    '/admin/settings/report-template',
    '/admin/settings/reference-formats',
    '/admin/settings/municipal-year',
    '/admin/settings/update-requests',
    '/admin/outbox',
  ],
}

export function pagesFor(role: TestRole): { path: string; status?: number }[] {
  const everyPage = role === 'public' || role === 'scrutiny_officer'
  const shared = everyPage ? PAGES : PAGES.filter((page) => SAMPLE.includes(page.path))
  return [...shared, ...(SIGNED_IN_PAGES[role] ?? []).map((path) => ({ path }))]
}

/**
 * Scans every page `roles` can reach (`pagesFor`) with axe, one signed-in session per role. The
 * roles are shared between two files (accessibility-*.e2e.test.ts) so that the two halves run side
 * by side.
 */
export function scanEveryPage(e2e: E2E, roles: TestRole[]) {
  const tokens = new Map<string, string>()
  beforeAll(async () => {
    const db = e2e.server.handle.db
    tokens.set(':appendix', await appendixId(db, 'Appendix 4(a)'))
    tokens.set(':exempt-appendix', await appendixId(db, 'EX48/2023 Appendix 5a'))
    tokens.set(':recommendation', await recommendationId(db, BODY, '1'))
    tokens.set(':work-item', await workProgrammeItemId(db, BODY))
    tokens.set(':finding', await findingId(db, 'ilacs-2022'))
    tokens.set(':theme', await themeId(db, 'childrens-social-care-improvement-plan'))
    tokens.set(':group', await indicatorGroupId(db, 'outcome 3'))
  })
  const resolve = (path: string) => path.replace(/:[a-z-]+(?=\/|$)/g, (token) => tokens.get(token) ?? token)

  describe.each(roles)('as %s', (role) => {
    let context: BrowserContext
    let page: Page

    beforeAll(async () => {
      context = await e2e.newContext()
      await loadAxeIntoEveryPage(context)
      page = await context.newPage()
      if (role !== 'public') await signIn(page, role)
    })
    afterAll(async () => {
      await context?.close()
    })

    test.each(pagesFor(role))('$path has no axe violations', async ({ path, status = 200 }) => {
      const response = await page.goto(resolve(path))
      expect(response?.status(), `status of ${path}`).toBe(status)
      // Read by the page's own script: a locator (headingOf) would first put Playwright's selector
      // engine into each page, a tenth of a page's scan.
      const heading = await page.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? '')
      expect(heading, `${path} has a heading`).not.toBe('')
      await expectNoAxeViolations(page)
    })
  })
}
