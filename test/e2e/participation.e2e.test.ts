import type { Locator, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { BasePage, clickAndWait, e2eSuite, expectNoAxeViolations } from './support/index.ts'

const NOVEMBER = '/meetings/2023-11-09-children-and-young-peoples-scrutiny-committee'
const ITEM = 'Council Plan performance Q1 - Q2 2023/24'

const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()

/** Chooses the option whose text matches, as a person would by reading the list. */
async function choose(select: Locator, text: RegExp) {
  const labels = await select.locator('option').allInnerTexts()
  const label = labels.find((option) => text.test(option))
  if (!label) throw new Error(`No option matches ${text}: ${labels.join(' | ')}`)
  await select.selectOption({ label })
}

/** How one person voted, in the group of radios under their name. */
async function voteOf(page: Page, surname: string, vote: 'For' | 'Against' | 'Abstained' | 'Did not vote') {
  await page
    .getByRole('group', { name: new RegExp(` ${surname}$`) })
    .getByLabel(vote, { exact: true })
    .check()
}

e2eSuite('Public participation and votes (issue 18)', (e2e) => {
  test('a scrutiny officer records a question, an amendment lost on a recorded vote and the carried motion; the public reads them', async () => {
    const page = await e2e.newPage('scrutiny_officer')
    await page.goto(NOVEMBER)

    // A public question with a supplementary, from someone who did not agree to be named.
    await clickAndWait(page, page.getByRole('link', { name: 'Add a public question' }))
    const questionForm = await new BasePage(page, 'Add a public question').verifyOnPage()
    await page.getByLabel('Name of the person asking (optional)').fill('Alex Morgan')
    await page.getByLabel('Day').fill('6')
    await page.getByLabel('Month').fill('11')
    await page.getByLabel('Year').fill('2023')
    await choose(page.getByLabel('Agenda item it is about'), new RegExp(ITEM.replace(/[/]/g, '.')))
    await page.getByLabel('Question', { exact: true }).fill('Will the plan set targets for fostering?')
    await page.getByLabel('Answer (optional)').fill('Targets will come to the committee in March.')
    await page.getByLabel('At the meeting').check()
    await page.getByLabel('Answer to the supplementary question (optional)').fill('Yes, by ward.')
    await clickAndWait(page, page.getByRole('button', { name: 'Save question' }))
    // An answer to a supplementary that was never asked is refused, next to the field, and nothing is lost.
    expect(await questionForm.errorSummary()).toEqual(['Enter the supplementary question, or remove its answer'])
    expect(await questionForm.fieldError('supplementary')).toContain('Enter the supplementary question')
    expect(await page.getByLabel('Question', { exact: true }).inputValue()).toBe(
      'Will the plan set targets for fostering?',
    )
    await expectNoAxeViolations(page)
    await page.getByLabel('Supplementary question (optional)', { exact: true }).fill('Will they be published by ward?')
    await clickAndWait(page, page.getByRole('button', { name: 'Save question' }))
    // The demo's minutes say no one asked to speak in November: the record must be put right first.
    const refused = await questionForm.errorSummary()
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatch(/records that no members of the public asked to speak: change that item first$/)
    await page.goto(`${NOVEMBER}/items/4/edit`)
    await page.getByLabel('No members of the public asked to speak').uncheck()
    await clickAndWait(page, page.getByRole('button', { name: 'Save item' }))
    await page.goto(`${NOVEMBER}/questions/new`)
    await page.getByLabel('Name of the person asking (optional)').fill('Alex Morgan')
    await page.getByLabel('Day').fill('6')
    await page.getByLabel('Month').fill('11')
    await page.getByLabel('Year').fill('2023')
    await choose(page.getByLabel('Agenda item it is about'), new RegExp(ITEM.replace(/[/]/g, '.')))
    await page.getByLabel('Question', { exact: true }).fill('Will the plan set targets for fostering?')
    await page.getByLabel('Answer (optional)').fill('Targets will come to the committee in March.')
    await page.getByLabel('At the meeting').check()
    await page.getByLabel('Supplementary question (optional)', { exact: true }).fill('Will they be published by ward?')
    await page.getByLabel('Answer to the supplementary question (optional)').fill('Yes, by ward.')
    await clickAndWait(page, page.getByRole('button', { name: 'Save question' }))
    await new BasePage(page, 'Thursday 9 November 2023').verifyOnPage()

    // A motion under the item, moved and seconded by members present.
    await clickAndWait(page, page.getByRole('link', { name: 'Add a motion' }))
    await new BasePage(page, 'Add a motion').verifyOnPage()
    await choose(page.getByLabel('Agenda item it was moved under'), new RegExp(ITEM.replace(/[/]/g, '.')))
    await choose(page.getByLabel('Moved by (optional)'), /Critchley/)
    await choose(page.getByLabel('Seconded by (optional)'), /Hoyle/)
    await page.getByLabel('Motion', { exact: true }).fill('That the Council Plan set targets for fostering.')
    await expectNoAxeViolations(page)
    await clickAndWait(page, page.getByRole('button', { name: 'Save motion' }))

    // Amendment 1, accepted by the mover; amendment 2, put to a recorded vote.
    const motion = page.locator('#motion-1')
    await clickAndWait(page, motion.getByRole('link', { name: 'Add an amendment to motion 1' }))
    await new BasePage(page, 'Add an amendment to motion 1').verifyOnPage()
    await choose(page.getByLabel('Moved by (optional)'), /Jones/)
    await page.getByLabel('Amendment', { exact: true }).fill('Add "and adoption".')
    await page.getByLabel('Accepted by the mover').check()
    await clickAndWait(page, page.getByRole('button', { name: 'Save amendment' }))
    await clickAndWait(page, motion.getByRole('link', { name: 'Add an amendment to motion 1' }))
    await choose(page.getByLabel('Moved by (optional)'), /Bamborough/)
    await choose(page.getByLabel('Seconded by (optional)'), /Ellison/)
    await page.getByLabel('Amendment', { exact: true }).fill('Delete "fostering" and insert "all placements".')
    await page.getByLabel('Lost', { exact: true }).check()
    await clickAndWait(page, page.getByRole('button', { name: 'Save amendment' }))

    await clickAndWait(page, page.getByRole('link', { name: 'Record the vote on amendment 2 to motion 1' }))
    const voteForm = await new BasePage(page, 'Record a vote: Amendment 2 to motion 1').verifyOnPage()
    await expectNoAxeViolations(page)
    await page.getByLabel('For', { exact: true }).first().fill('2')
    await page.getByLabel('Against', { exact: true }).first().fill('5')
    await page.getByLabel('Abstentions').fill('0')
    await page.getByLabel('Recorded vote').check()
    for (const name of ['Bamborough', 'Ellison', 'Cooper']) await voteOf(page, name, 'For')
    for (const name of ['Brookes', 'Critchley', 'Hoyle', 'Jones', 'Scott']) await voteOf(page, name, 'Against')
    // A co-opted member without a vote on this committee, recorded as voting.
    await voteOf(page, 'Clayton', 'For')
    await clickAndWait(page, page.getByRole('button', { name: 'Save vote' }))
    const errors = await voteForm.errorSummary()
    expect(errors).toEqual([
      'Votes for must match the 4 members named as voting for',
      'Ms Gemma Clayton is a co-opted member without voting rights',
    ])
    expect(await voteForm.fieldError('votesFor')).toContain('Votes for must match the 4 members named as voting for')
    await expectNoAxeViolations(page)

    await page.getByLabel('For', { exact: true }).first().fill('3')
    await voteOf(page, 'Clayton', 'Did not vote')
    await clickAndWait(page, page.getByRole('button', { name: 'Save vote' }))
    expect(await voteForm.errorSummary()).toEqual([])

    // The motion as amended, carried.
    await clickAndWait(page, motion.getByRole('link', { name: 'Change motion 1' }))
    await page
      .getByLabel('Substantive motion (optional)')
      .fill('That the Council Plan set targets for fostering and adoption.')
    await page.getByLabel('Carried', { exact: true }).check()
    await clickAndWait(page, page.getByRole('button', { name: 'Save motion' }))
    await clickAndWait(page, motion.getByRole('link', { name: 'Record the vote on motion 1' }))
    await page.getByLabel('For', { exact: true }).first().fill('8')
    await page.getByLabel('Against', { exact: true }).first().fill('0')
    await page.getByLabel('Abstentions').fill('0')
    await clickAndWait(page, page.getByRole('button', { name: 'Save vote' }))
    await expectNoAxeViolations(page)

    // The public reads them under the item: the asker unnamed, the amendment lost by name, the motion carried.
    const resident = await e2e.newPage('public')
    await resident.goto(NOVEMBER)
    const item = resident.getByRole('region', { name: new RegExp(ITEM.replace(/[/]/g, '.')) })
    const question = await textOf(item.locator('.app-public-question'))
    expect(question).toContain('A member of the public')
    expect(question).not.toContain('Alex Morgan')
    expect(question).toContain('Will they be published by ward?')
    expect(question).toContain('Yes, by ward.')
    const published = await textOf(item.locator('#motion-1'))
    expect(published).toContain('Moved by Councillor Critchley, seconded by Councillor Hoyle')
    expect(published).toContain('Accepted by the mover')
    expect(published).toContain('Lost: 3 for, 5 against, no abstentions')
    expect(published).toContain('That the Council Plan set targets for fostering and adoption.')
    expect(published).toContain('Carried: 8 for, 0 against, no abstentions')
    expect(await textOf(item.locator('#motion-1-amendment-2 .app-recorded-vote'))).toBe(
      'For Councillor Bamborough, Councillor Cooper, Councillor Ellison Against Councillor Critchley, Councillor Hoyle, Councillor Jones, Councillor Michele Scott, Councillor Shaun Brookes',
    )
    expect(await resident.getByRole('link', { name: /Change/ }).count()).toBe(0)
    await expectNoAxeViolations(resident)

    // And on each councillor's page: the motion Councillor Critchley moved, and how each voted.
    await resident.goto('/people/critchley')
    const moved = await textOf(resident.locator('main'))
    expect(moved).toContain('Motions and amendments moved')
    expect(moved).toContain('Recorded votes')
    expect(moved).toMatch(/Amendment 2 to motion 1.*Against.*Lost/)
    await expectNoAxeViolations(resident)
    await resident.goto('/people/bamborough')
    expect(await textOf(resident.locator('main'))).toMatch(/Amendment 2 to motion 1.*For.*Lost/)
  })
})
