import type { Locator } from 'playwright-core'
import { expect, test } from 'vitest'
import { BasePage, clickAndWait, e2eSuite, expectNoAxeViolations } from './support/index.ts'

const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()

e2eSuite('Inspections and improvement plans (issue 4)', (e2e) => {
  test('an action lead posts an update and changes a milestone’s status, which needs an update saying why', async () => {
    const page = await e2e.newPage('officer')
    await page.goto('/account')
    await clickAndWait(page, page.getByRole('link', { name: 'My actions' }))
    await new BasePage(page, 'My actions').verifyOnPage()
    await expectNoAxeViolations(page)

    const action = page.getByRole('region', { name: /^1\.5 Strengthen the Corporate Parenting role/ })
    // The first milestone still open: only those have an update form.
    const first = action
      .locator('.app-milestone')
      .filter({ has: page.locator('details') })
      .first()
    const milestoneText = (await first.getByRole('heading').innerText()).trim()
    await first.getByText('Post an update').click()
    await first.locator('select[name="status"]').selectOption('complete')
    await clickAndWait(page, first.getByRole('button', { name: 'Post update' }))

    const form = await new BasePage(page, 'My actions').verifyOnPage()
    expect(await form.errorSummary()).toEqual(['Enter the update: what has happened, and why if the status changes'])
    await expectNoAxeViolations(page)

    const again = page.locator('.app-milestone').filter({ hasText: milestoneText }).first()
    await again.locator('textarea[name="text"]').fill('Partners now report attendance to every board meeting.')
    await again.locator('select[name="status"]').selectOption('complete')
    await clickAndWait(page, again.getByRole('button', { name: 'Post update' }))
    await new BasePage(page, 'My actions').verifyOnPage()

    await clickAndWait(page, page.getByRole('link', { name: /^1\.5 Strengthen/ }))
    const section = page.getByRole('region', { name: milestoneText })
    expect(await textOf(section)).toContain('Complete')
    expect(await textOf(section)).toContain('Partners now report attendance to every board meeting.')
    expect(await textOf(section)).toMatch(/Status changed from [a-z ]+ to complete\./)
    await expectNoAxeViolations(page)
  })

  test('a councillor opens an inspection finding and follows it to a late milestone', async () => {
    const page = await e2e.newPage('member')
    await page.goto('/')
    await clickAndWait(page, page.getByRole('link', { name: 'Improvement', exact: true }))
    await clickAndWait(page, page.getByRole('link', { name: 'inspections', exact: true }))
    await new BasePage(page, 'Inspections').verifyOnPage()
    await clickAndWait(page, page.getByRole('link', { name: /ILACS|inspection of local authority children/i }).first())
    await expectNoAxeViolations(page)

    const finding = page.locator('#finding-area-for-improvement-1')
    expect(await textOf(finding)).toMatch(/Late: /)
    await clickAndWait(page, finding.getByRole('link', { name: /^Action 1\.4/ }))
    await new BasePage(page, /^1\.4 /).verifyOnPage()
    const late = page
      .locator('.app-milestone')
      .filter({ has: page.locator('.govuk-tag--red') })
      .first()
    expect(await textOf(late)).toMatch(/Red .*Due \d+ \w+ 2023/)
    await expectNoAxeViolations(page)

    await page.goto('/improvement-plans/childrens-social-care-improvement-plan')
    await expectNoAxeViolations(page)
    await clickAndWait(page, page.getByRole('link', { name: 'Progress since the last meeting', exact: true }))
    await new BasePage(page, 'Progress since 21 September 2023').verifyOnPage()
    await expectNoAxeViolations(page)
  })
})
