import type { Locator } from 'playwright-core'
import { expect, test } from 'vitest'
import { BasePage, clickAndWait, e2eSuite, expectNoAxeViolations } from './support/index.ts'

/** What a person sees in a locator (line breaks as spaces). */
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()

e2eSuite('Health waiting lists (issue 5)', (e2e) => {
  test('a councillor reads the December 2023 dashboard and follows speech and language therapy to its history', async () => {
    const page = await e2e.newPage('member')
    await page.goto('/')
    await clickAndWait(page, page.getByRole('link', { name: 'Waiting lists', exact: true }))
    await new BasePage(page, 'Waiting lists at the end of December 2023').verifyOnPage()
    await expectNoAxeViolations(page)

    const table = page.getByRole('table', { name: 'Children waiting at the end of December 2023, by service' })
    expect(await table.getByRole('row').count()).toBe(9) // the header and eight services
    const slt = table.getByRole('row').filter({ hasText: 'Paediatric speech and language therapy' })
    const cells = (await slt.getByRole('cell').allInnerTexts()).map((cell) => cell.replace(/\s+/g, ' ').trim())
    expect(cells[0]).toMatch(/^331 ↑ up 35 from November 2023 ?, worse$/)
    expect(cells.slice(1)).toEqual(['198', '60%', '41', '0', '26 weeks', '69 weeks'])

    await clickAndWait(page, slt.getByRole('link', { name: 'Paediatric speech and language therapy' }))
    await new BasePage(page, 'Paediatric speech and language therapy').verifyOnPage()
    const chart = page.getByRole('img', { name: /children waiting, by month/ })
    expect(await chart.count()).toBe(1)
    const history = page.getByRole('table', { name: 'Figures at the end of each month, latest first' })
    const months = await history.getByRole('rowheader').allTextContents()
    expect(months.map((m) => m.trim())).toEqual([
      'December 2023',
      'November 2023',
      'March 2022 to October 2023',
      'February 2022',
    ])
    expect(await textOf(history.getByRole('row').filter({ hasText: 'March 2022 to October 2023' }))).toContain(
      'No figures for these 20 months',
    )
    expect(await textOf(history.getByRole('row').filter({ hasText: 'February 2022' }))).toContain('650 441 68%')
    await expectNoAxeViolations(page)
  })

  test('an analyst records January 2024 for CAMHS, corrects a mistake the form points out, and sees it on the dashboard', async () => {
    const page = await e2e.newPage('analyst')
    await page.goto('/waiting-lists/camhs')
    await clickAndWait(page, page.getByRole('link', { name: /^Record a month’s figures/ }))
    const form = await new BasePage(page, 'Record a month’s figures').verifyOnPage()
    await expectNoAxeViolations(page)

    const month = page.getByRole('group', { name: 'Month' })
    await month.getByLabel('Month').fill('1')
    await month.getByLabel('Year').fill('2024')
    await page.getByLabel('Referrals waiting (optional)').fill('279')
    await page.getByLabel('Number waiting over 18 weeks (optional)').fill('300')
    await page.getByLabel('Average wait in weeks (optional)').fill('16')
    await clickAndWait(page, page.getByRole('button', { name: 'Save figures' }))

    await form.verifyOnPage()
    expect(await form.errorSummary()).toEqual([
      'The number waiting over 18 weeks cannot be more than the referrals waiting',
    ])
    expect(await form.fieldError('over18Weeks')).toBe(
      'The number waiting over 18 weeks cannot be more than the referrals waiting',
    )
    expect(await page.getByLabel('Referrals waiting (optional)').inputValue()).toBe('279')
    await expectNoAxeViolations(page)

    await page.getByLabel('Number waiting over 18 weeks (optional)').fill('124')
    await clickAndWait(page, page.getByRole('button', { name: 'Save figures' }))
    await new BasePage(page, 'Child and adolescent mental health services (CAMHS)').verifyOnPage()
    const january = page.locator('#month-2024-01')
    expect(await textOf(january)).toMatch(/279 ↓ down 6 from December 2023 ?, better 124 44%/)

    // One service's figures do not move the dashboard on: it stays on the month every service has.
    await page.goto('/waiting-lists')
    await new BasePage(page, 'Waiting lists at the end of December 2023').verifyOnPage()
    await page.getByLabel('Month').selectOption({ label: 'January 2024' })
    await clickAndWait(page, page.getByRole('button', { name: 'Show month' }))
    await new BasePage(page, 'Waiting lists at the end of January 2024').verifyOnPage()
    const camhs = page.getByRole('row').filter({ hasText: 'CAMHS' })
    expect(await textOf(camhs)).toContain('279')
    expect(await textOf(page.locator('.govuk-inset-text'))).toMatch(
      /^No figures for January 2024 have been recorded for Paediatric speech and language therapy, .*Neurodevelopmental pathway\.$/,
    )
    expect(await page.getByRole('cell', { name: /^No figures for January 2024/ }).count()).toBe(7)
    await expectNoAxeViolations(page)
  })
})
