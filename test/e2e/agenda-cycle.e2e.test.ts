import type { Locator, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { BasePage, clickAndWait, e2eSuite, expectNoAxeViolations } from './support/index.ts'

const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()
const mainText = (page: Page) => textOf(page.locator('main'))

const notExempt = (page: Page) =>
  page.getByRole('group', { name: 'Does this item contain exempt information?' }).getByLabel('No').check()

const TITLE = 'Holiday activities and food programme'
const URGENT = 'School transport for children in care'

e2eSuite('The statutory publishing cycle of an agenda (issue 10)', (e2e) => {
  test('a scrutiny officer drafts an agenda, publishes it late with a reason, then adds to it; the public sees each state', async () => {
    const officer = await e2e.newPage('scrutiny_officer')
    const resident = await e2e.newPage('public')

    // A meeting a week away (the clock says Monday 22 January 2024): four clear working days.
    await officer.goto('/meetings/new')
    await new BasePage(officer, 'Add a meeting').verifyOnPage()
    await officer
      .getByLabel('Committee or body')
      .selectOption({ label: "Children and Young People's Scrutiny Committee" })
    await officer.getByLabel('Day').fill('29')
    await officer.getByLabel('Month').fill('1')
    await officer.getByLabel('Year').fill('2024')
    await officer.getByLabel('Start time (optional)').fill('18:00')
    await officer.getByLabel('Venue (optional)').fill('Committee Room A, Town Hall')
    await clickAndWait(officer, officer.getByRole('button', { name: /Save|Add meeting/ }))
    const meetingUrl = officer.url()
    expect(await mainText(officer)).toContain('Draft agenda: not yet published')

    await clickAndWait(officer, officer.getByRole('link', { name: 'Add an agenda item' }))
    await officer.getByLabel('Item number (optional)').fill('1')
    await officer.getByLabel('Title').fill(TITLE)
    await notExempt(officer)
    await clickAndWait(officer, officer.getByRole('button', { name: 'Save item' }))
    expect(await mainText(officer)).toContain(TITLE)

    // The notice is public; the draft agenda is not.
    await resident.goto(meetingUrl)
    const notice = await mainText(resident)
    expect(notice).toContain('Committee Room A, Town Hall')
    expect(notice).toContain('The agenda has not been published yet.')
    expect(notice).not.toContain(TITLE)
    await expectNoAxeViolations(resident)

    // Publishing with fewer than five clear working days asks why.
    await officer.goto(meetingUrl)
    await clickAndWait(officer, officer.getByRole('button', { name: 'Publish agenda' }))
    const publish = await new BasePage(officer, 'Publish the agenda').verifyOnPage()
    expect(await textOf(officer.locator('#clear-days'))).toContain('gives 4 clear working days')
    expect(await mainText(officer)).toContain('This agenda is late')
    await expectNoAxeViolations(officer)
    await clickAndWait(officer, officer.getByRole('button', { name: 'Publish agenda' }))
    expect(await publish.errorSummary()).toEqual(['Enter the reason for late publication'])
    await officer.getByLabel('Reason for late publication').fill('The meeting was called at short notice.')
    await clickAndWait(officer, officer.getByRole('button', { name: 'Publish agenda' }))
    expect(officer.url()).toContain(new URL(meetingUrl).pathname)

    await resident.goto(meetingUrl)
    const published = await mainText(resident)
    expect(published).toContain(TITLE)
    expect(published).toContain('Published late: The meeting was called at short notice.')

    // An urgent item, with the chair's reason.
    await officer.goto(meetingUrl)
    await clickAndWait(officer, officer.getByRole('link', { name: 'Add an agenda item' }))
    await officer.getByLabel('Item number (optional)').fill('2')
    await officer.getByLabel('Title').fill(URGENT)
    await notExempt(officer)
    await officer.getByLabel('Urgent item').check()
    await clickAndWait(officer, officer.getByRole('button', { name: 'Save item' }))
    const item = await new BasePage(officer, /item/i).verifyOnPage()
    expect(await item.errorSummary()).toEqual([expect.stringMatching(/reason/i)])
    await officer
      .getByLabel('The chair’s reason for taking it as urgent')
      .fill('Contracts end before the next meeting.')
    await clickAndWait(officer, officer.getByRole('button', { name: 'Save item' }))

    // The urgent item is published in a supplementary agenda.
    await clickAndWait(officer, officer.getByRole('link', { name: 'Publish a supplementary agenda' }))
    const supplement = await new BasePage(officer, 'Publish a supplementary agenda').verifyOnPage()
    await clickAndWait(officer, officer.getByRole('button', { name: 'Publish supplementary agenda' }))
    expect(await supplement.errorSummary()).toEqual(['Select the items this supplementary agenda publishes'])
    await expectNoAxeViolations(officer)
    await officer.getByLabel(`2. ${URGENT}`).check()
    await officer.getByLabel('What it adds (optional)').fill('The school transport contracts.')
    await clickAndWait(officer, officer.getByRole('button', { name: 'Publish supplementary agenda' }))

    // The first item's report will follow.
    await officer.goto(meetingUrl)
    await clickAndWait(officer, officer.getByRole('link', { name: 'Change item 1', exact: true }))
    await officer.getByLabel('The report is to follow').check()
    await clickAndWait(officer, officer.getByRole('button', { name: 'Save item' }))

    await resident.goto(meetingUrl)
    const after = await mainText(resident)
    expect(after).toContain(URGENT)
    expect(after).toContain('School transport for children in care Urgent item Contracts end before the next meeting.')
    expect(after).toContain('Report to follow')
    expect(await textOf(resident.locator('section.app-agenda-item', { hasText: URGENT }))).toContain(
      'Published in Supplementary agenda 1 on 22 January 2024',
    )
    expect(await mainText(resident)).toContain(
      'Supplementary agenda 1, published on 22 January 2024: The school transport contracts.',
    )
    await expectNoAxeViolations(resident)
  })
})
