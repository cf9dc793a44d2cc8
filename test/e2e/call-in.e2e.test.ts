import type { Locator } from 'playwright-core'
import { expect, test } from 'vitest'
import { BasePage, clickAndWait, e2eSuite, expectNoAxeViolations } from './support/index.ts'

const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()

e2eSuite('A call-in recorded with an outcome per recommendation (issue 10)', (e2e) => {
  test('a scrutiny officer records a call-in, its outcomes and the response; the public reads them', async () => {
    const page = await e2e.newPage('scrutiny_officer')
    await page.goto('/decisions')
    await clickAndWait(page, page.getByRole('link', { name: /Expansion of Highfurlong Special School phase two/ }))
    const decision = await new BasePage(page, 'Expansion of Highfurlong Special School phase two').verifyOnPage()
    expect(await textOf(page.locator('#call-ins ~ p').first())).toBe('No call-in has been recorded.')

    await clickAndWait(page, page.getByRole('link', { name: 'Record a call-in' }))
    const form = await new BasePage(page, 'Record a call-in').verifyOnPage()
    await expectNoAxeViolations(page)

    // A recommendation without its outcome, and nothing else: every error at once, next to its field.
    await page
      .getByLabel('Recommendation 1 (optional)')
      .fill('That the decision be referred back for a fuller cost estimate.')
    await clickAndWait(page, page.getByRole('button', { name: 'Record call-in' }))
    expect(await form.errorSummary()).toEqual([
      'Enter who requested the call-in',
      'Enter the date the call-in was requested',
      'Enter the grounds for the call-in',
      'Select the outcome of recommendation 1',
    ])
    expect(await form.fieldError('outcome-1')).toContain('Select the outcome of recommendation 1')
    // What was typed is still there.
    expect(await page.getByLabel('Recommendation 1 (optional)').inputValue()).toContain('fuller cost estimate')
    await expectNoAxeViolations(page)

    await page.getByLabel('Requested by').fill('Councillor Hunter and Councillor Baker')
    await page.getByLabel('Day').fill('13')
    await page.getByLabel('Month').fill('12')
    await page.getByLabel('Year').fill('2023')
    await page.getByLabel('Grounds for the call-in').fill('The costs of phase two were not set out.')
    await page
      .getByRole('group', { name: 'Outcome of recommendation 1' })
      .getByLabel('Referred back to the decision maker')
      .check()
    await page.getByLabel('Recommendation 2 (optional)').fill('That the Executive report progress in six months.')
    // Both outcome groups offer the same three answers; the value picks this one.
    await page.locator('input[name="outcome-2"][value="released"]').check()
    await page
      .getByLabel('Decision maker’s response (optional)')
      .fill('The Executive confirmed the decision with a cost table.')
    await clickAndWait(page, page.getByRole('button', { name: 'Record call-in' }))

    expect(await form.errorSummary()).toEqual([])
    await decision.verifyOnPage()
    const recorded = await textOf(page.locator('main'))
    expect(recorded).toContain('Call-in requested on 13 December 2023')
    expect(recorded).toContain('Councillor Hunter and Councillor Baker')
    expect(recorded).toContain('The Executive confirmed the decision with a cost table.')
    const outcomes = page.getByRole('table', { name: 'Recommendations and outcomes' })
    expect(await textOf(outcomes.getByRole('row').nth(1))).toBe(
      'That the decision be referred back for a fuller cost estimate. Referred back to the decision maker',
    )
    expect(await textOf(outcomes.getByRole('row').nth(2))).toBe(
      'That the Executive report progress in six months. Released: the decision may be carried out',
    )
    await expectNoAxeViolations(page)

    // The public reads the same record, without the links to change it.
    const resident = await e2e.newPage('public')
    await resident.goto(page.url())
    await new BasePage(resident, 'Expansion of Highfurlong Special School phase two').verifyOnPage()
    const residentTable = resident.getByRole('table', { name: 'Recommendations and outcomes' })
    expect(await residentTable.getByRole('row').count()).toBe(3)
    expect(await resident.getByRole('link', { name: /Change this call-in/ }).count()).toBe(0)
    await expectNoAxeViolations(resident)

    // And in the open data, each recommendation with its outcome.
    const api = await resident.request.get('/api/v1/decisions?pageSize=100')
    const body = (await api.json()) as {
      decisions: { id: string; title: string; callIns: { recommendations: unknown }[] }[]
    }
    const record = body.decisions.find((d) => d.title === 'Expansion of Highfurlong Special School phase two')
    expect(record?.callIns).toHaveLength(1)
    expect(record?.callIns[0]?.recommendations).toEqual([
      { recommendation: 'That the decision be referred back for a fuller cost estimate.', outcome: 'referred back' },
      { recommendation: 'That the Executive report progress in six months.', outcome: 'released' },
    ])
  })
})
