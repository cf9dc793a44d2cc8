import { expect, test } from 'vitest'
import { BasePage, appendixId, clickAndWait, e2eSuite, expectNoAxeViolations } from './support/index.ts'

const BODY = 'children-and-young-peoples-scrutiny-committee'
const JANUARY = `/meetings/2024-01-25-${BODY}`

/** The words of a locator, whitespace folded. */
const textOf = async (locator: import('playwright-core').Locator) =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()

e2eSuite('Reading the papers of a meeting (issue 2)', (e2e) => {
  test('a resident finds the 25 January 2024 meeting, reads the agenda and item 8’s report', async () => {
    const page = await e2e.newPage()
    await page.goto('/')
    await new BasePage(page, /.+/).verifyOnPage()
    await expectNoAxeViolations(page)

    await clickAndWait(page, page.getByRole('link', { name: 'All meetings', exact: true }))
    await new BasePage(page, 'Meetings').verifyOnPage()
    await expectNoAxeViolations(page)

    await clickAndWait(page, page.getByRole('link', { name: /^Thursday 25 January 2024 ?, Children and Young People/ }))
    expect(new URL(page.url()).pathname).toBe(JANUARY)
    await new BasePage(page, 'Thursday 25 January 2024').verifyOnPage()
    await expectNoAxeViolations(page)

    const items = page.locator('section.app-agenda-item')
    expect(await items.count()).toBe(11)
    const item8 = page.locator('#item-8')
    expect(await textOf(item8.getByRole('heading'))).toBe("8. Children's social care improvement plan progress update")
    expect(await textOf(item8)).toContain('Pages 63 to 112')

    await clickAndWait(page, item8.getByRole('link', { name: /^Read the report/ }))
    expect(new URL(page.url()).pathname).toBe(`${JANUARY}/items/8/report`)
    await new BasePage(page, /.+/).verifyOnPage()
    await expect(page.getByRole('heading', { name: '1.0 Purpose of the report' }).isVisible()).resolves.toBe(true)
    await expectNoAxeViolations(page)
  })

  test('a resident sees item 4’s exempt appendix only as its title and paragraph; its address is not found', async () => {
    const page = await e2e.newPage()
    await page.goto(JANUARY)
    await clickAndWait(page, page.locator('#item-4').getByRole('link', { name: /^Read the report/ }))
    await new BasePage(page, /.+/).verifyOnPage()
    await expectNoAxeViolations(page)

    const exemptLine = page.getByRole('listitem').filter({ hasText: 'EX48/2023 Appendix 5a' })
    expect(await textOf(exemptLine)).toBe(
      'EX48/2023 Appendix 5a: Expansion of Highfurlong Special School phase two: financial considerations ' +
        '– Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972',
    )
    expect(await exemptLine.getByRole('link').count()).toBe(0)
    // The open appendix beside it is a link.
    await expect(page.getByRole('link', { name: /^Appendix 4\(a\)/ }).isVisible()).resolves.toBe(true)

    const exemptPath = `${JANUARY}/items/4/report/appendices/${await appendixId(e2e.server.handle.db, 'EX48/2023 Appendix 5a')}`
    const response = await page.goto(exemptPath)
    expect(response?.status()).toBe(404)
    await new BasePage(page, 'Page not found').verifyOnPage()
    expect(await page.content()).not.toContain('financial considerations')
    await expectNoAxeViolations(page)
  })
})
