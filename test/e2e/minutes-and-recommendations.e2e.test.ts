import type { Locator, Page } from 'playwright-core'
import { afterAll, describe, expect, test } from 'vitest'
import { BasePage, clickAndWait, e2eSuite, expectNoAxeViolations, startAppOnSameDatabase } from './support/index.ts'
import type { E2EServer } from './support/server.ts'

const BODY = 'children-and-young-peoples-scrutiny-committee'
const BODY_NAME = "Children and Young People's Scrutiny Committee"
const MEETING = `/meetings/2024-01-15-${BODY}`

const ITEM_1 = 'Fostering recruitment campaign'
const ITEM_2 = 'Youth services review'
const PURPOSE = 'To update the Committee on the review of youth services across the town.'
const REPORT_RECOMMENDATION = 'To note the findings of the review and comment on the proposals.'
const MINUTE = 'The Head of Fostering described the autumn campaign and the enquiries it brought in.'
const RESOLUTION_1 = 'To receive an update on the youth services review at a future meeting.'
const RESOLUTION_2 = 'To visit two youth centres before the end of the municipal year.'
const NATURE = 'Their daughter works at one of the youth centres named in the report.'
const UPDATE = 'A visit programme has been drafted and shared with the Chair.'

const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** The value of the option of `select` whose text contains `text`, for selectOption. */
async function optionValue(select: Locator, text: string): Promise<string> {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value')
  if (!value) throw new Error(`No option "${text}"`)
  return value
}

/** Fills a GOV.UK date input found by its legend. */
async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
  const group = page.getByRole('group', { name: legend })
  await group.getByLabel('Day').fill(day)
  await group.getByLabel('Month').fill(month)
  await group.getByLabel('Year').fill(year)
}

async function onPage(page: Page, heading: string | RegExp, { axe = true } = {}) {
  const found = await new BasePage(page, heading).verifyOnPage()
  expect(await found.errorSummary(), `no errors on ${page.url()}`).toEqual([])
  if (axe) await expectNoAxeViolations(page)
  return found
}

async function signOut(page: Page) {
  await clickAndWait(page, page.getByRole('button', { name: 'Sign out' }))
  await new BasePage(page, 'You have signed out').verifyOnPage()
}

/**
 * Issues 2 and 3 end to end. The tests run in order and build on each other: the meeting made in
 * the first is minuted in the second, and a resolution in those minutes is tracked in the third.
 */
e2eSuite('Recording the minutes and tracking a recommendation (issues 2 and 3)', (e2e) => {
  let later: E2EServer | undefined
  let recommendationPath = ''
  let recommendationNumber = ''

  afterAll(async () => {
    await later?.close()
  })

  describe.sequential('in order', () => {
    test('a scrutiny officer creates a meeting, writes its agenda and report, and publishes the agenda late', async () => {
      const page = await e2e.newPage('scrutiny_officer')

      // The meeting.
      await page.goto('/meetings')
      await clickAndWait(page, page.getByRole('link', { name: 'Add a meeting' }))
      await onPage(page, 'Add a meeting')
      const body = page.getByLabel('Committee or body')
      await body.selectOption(await optionValue(body, BODY_NAME))
      await fillDate(page, 'Date of the meeting', '15', '1', '2024')
      await page.getByLabel('Start time (optional)').fill('6pm')
      await page.getByLabel('Venue (optional)').fill('Committee Room A, Town Hall, Blackpool')
      await clickAndWait(page, page.getByRole('button', { name: 'Add meeting' }))
      expect(new URL(page.url()).pathname).toBe(MEETING)
      await onPage(page, 'Monday 15 January 2024')

      // Two agenda items.
      for (const [number, title] of [
        ['1', ITEM_1],
        ['2', ITEM_2],
      ]) {
        await clickAndWait(page, page.getByRole('link', { name: 'Add an agenda item' }))
        await onPage(page, 'Add an agenda item')
        expect(await page.getByLabel('Item number').inputValue()).toBe(number)
        await page.getByLabel('Title').fill(title)
        await page.getByRole('group', { name: 'Does this item contain exempt information?' }).getByLabel('No').check()
        await clickAndWait(page, page.getByRole('button', { name: 'Save item' }))
        await onPage(page, 'Monday 15 January 2024', { axe: false })
        expect(await textOf(page.locator(`#item-${number}`).getByRole('heading'))).toBe(`${number}. ${title}`)
      }
      await expectNoAxeViolations(page)

      // A report on item 2.
      await clickAndWait(page, page.getByRole('link', { name: 'Write the report for item 2' }))
      await onPage(page, 'Write the report for item 2')
      expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(ITEM_2)
      await page.getByLabel('Purpose of the report').fill(PURPOSE)
      await page.getByLabel('Recommendations', { exact: true }).fill(REPORT_RECOMMENDATION)
      await page.getByRole('group', { name: 'Does this report contain exempt information?' }).getByLabel('No').check()
      await clickAndWait(page, page.getByRole('button', { name: 'Save report' }))
      expect(new URL(page.url()).pathname).toBe(`${MEETING}/items/2/report`)
      await onPage(page, ITEM_2)
      await expect(page.getByRole('heading', { name: '1.0 Purpose of the report' }).isVisible()).resolves.toBe(true)
      expect(await page.getByText(PURPOSE).count()).toBe(1)
      expect(await page.getByText(`2.1 ${REPORT_RECOMMENDATION}`).count()).toBe(1)

      // Publish the agenda: the meeting was last week, so it is late and needs the reason.
      await page.goto(MEETING)
      await clickAndWait(page, page.getByRole('button', { name: 'Publish agenda' }))
      await onPage(page, 'Publish the agenda')
      await page.getByLabel('Reason for late publication').fill('The meeting is recorded after it took place')
      await clickAndWait(page, page.getByRole('button', { name: 'Publish agenda' }))
      expect(await page.getByText('Published late: The meeting is recorded after it took place').count()).toBe(1)
    })

    test('the scrutiny officer records the minutes and publishes them; anyone can read them', async () => {
      const page = await e2e.newPage('scrutiny_officer')
      await page.goto(MEETING)

      // Start the minutes.
      await clickAndWait(page, page.getByRole('link', { name: 'Record the minutes' }))
      await onPage(page, `Minutes of ${BODY_NAME}, Monday 15 January 2024`)
      await clickAndWait(page, page.getByRole('button', { name: 'Start the minutes' }))
      await onPage(page, 'Record the minutes')

      // Attendance, with the chair.
      await clickAndWait(page, page.getByRole('button', { name: 'Add a person' }))
      await onPage(page, 'Add a person to the attendance')
      const person = page.getByLabel('Person', { exact: true })
      await person.selectOption(await optionValue(person, 'Councillor Flanagan'))
      await page
        .getByRole('group', { name: 'In what capacity did they attend?' })
        .getByLabel('Member', { exact: true })
        .check()
      await page.getByRole('group', { name: 'Attendance' }).getByLabel('Present', { exact: true }).check()
      await page.getByLabel('They chaired the meeting').check()
      await clickAndWait(page, page.getByRole('button', { name: 'Save' }))
      await onPage(page, 'Record the minutes', { axe: false })
      expect(await textOf(page.getByRole('table', { name: /Who attended/ }))).toContain('Councillor Flanagan (chair)')

      // A declaration of interest on item 2.
      await clickAndWait(page, page.getByRole('button', { name: 'Add a declaration' }))
      await onPage(page, 'Add a declaration of interest')
      const who = page.getByLabel('Who declared the interest?')
      await who.selectOption(await optionValue(who, 'Councillor Flanagan'))
      await page.getByLabel(`2. ${ITEM_2}`).check()
      await page.getByRole('group', { name: 'Category of interest' }).getByLabel('Other', { exact: true }).check()
      await page.getByLabel('The council’s name for the interest').fill('Personal')
      await page.getByLabel('Nature of the interest').fill(NATURE)
      await page.getByRole('group', { name: 'Did they leave the room?' }).getByLabel('No', { exact: true }).check()
      await clickAndWait(page, page.getByRole('button', { name: 'Add declaration' }))
      await onPage(page, 'Record the minutes', { axe: false })

      // A minute for item 1.
      await clickAndWait(page, page.getByRole('link', { name: 'Record the minute of item 1' }))
      await onPage(page, `Item 1: ${ITEM_1}`)
      await page.getByLabel('Minute', { exact: true }).fill(MINUTE)
      await clickAndWait(page, page.getByRole('button', { name: 'Save minute' }))
      await onPage(page, 'Record the minutes', { axe: false })

      // Two resolutions on item 2.
      await clickAndWait(page, page.getByRole('link', { name: 'Record the minute of item 2' }))
      await onPage(page, `Item 2: ${ITEM_2}`, { axe: false })
      for (const text of [RESOLUTION_1, RESOLUTION_2]) {
        await clickAndWait(page, page.getByRole('button', { name: 'Add a resolution' }))
        await onPage(page, 'Add a resolution to item 2')
        await page.getByLabel('What the Committee agreed').fill(text)
        await clickAndWait(page, page.getByRole('button', { name: 'Save resolution' }))
        await onPage(page, `Item 2: ${ITEM_2}`, { axe: false })
      }
      const resolutions = page.getByRole('list').filter({ hasText: RESOLUTION_1 })
      expect(await resolutions.getByRole('listitem').count()).toBe(2)
      await expectNoAxeViolations(page)

      // Publish.
      await clickAndWait(page, page.getByRole('link', { name: 'Back to recording the minutes' }))
      await onPage(page, 'Record the minutes')
      expect(await page.getByText('Everything needed is recorded.').count()).toBe(1)
      await clickAndWait(page, page.getByRole('button', { name: 'Publish the minutes' }))
      await onPage(page, 'Publish the minutes')
      await clickAndWait(page, page.getByRole('button', { name: 'Publish the minutes' }))
      expect(new URL(page.url()).pathname).toBe(`${MEETING}/minutes`)
      await signOut(page)

      // Anyone can read them now.
      await page.goto(`${MEETING}/minutes`)
      const minutes = await onPage(page, `Minutes of ${BODY_NAME}, Monday 15 January 2024`)
      expect(await minutes.signedInAs()).toBeNull()
      expect(await page.getByText('Councillor Flanagan (in the Chair)').count()).toBe(1)
      const declarations = page.getByRole('table', { name: 'Declarations of interest made at the meeting' })
      const row = declarations.getByRole('row').filter({ hasText: 'Councillor Flanagan' })
      expect(await row.getByRole('cell').allTextContents()).toEqual([
        `2. ${ITEM_2}`,
        'Personal',
        `${NATURE} They did not leave the room.`,
      ])
      const item2 = page.getByRole('region', { name: `2. ${ITEM_2}` })
      const agreed = item2.getByRole('list')
      expect(await agreed.evaluate((list) => list.tagName)).toBe('OL')
      expect((await agreed.getByRole('listitem').allTextContents()).map((t) => t.trim())).toEqual([
        RESOLUTION_1,
        RESOLUTION_2,
      ])
      expect(
        await page
          .getByRole('region', { name: `1. ${ITEM_1}` })
          .getByText(MINUTE)
          .count(),
      ).toBe(1)
      expect(await page.getByRole('link', { name: /Track as a recommendation/ }).count()).toBe(0)
    })

    test('the scrutiny officer tracks a resolution; the officer posts an update; the councillor finds it on the tracker', async () => {
      const scrutiny = await e2e.newPage('scrutiny_officer')
      await scrutiny.goto(`${MEETING}/minutes`)
      await clickAndWait(
        scrutiny,
        scrutiny.getByRole('link', { name: /^Track as a recommendation ?: item 2, resolution 1$/ }),
      )
      expect(new URL(scrutiny.url()).pathname).toBe(`/bodies/${BODY}/recommendations/new`)
      await onPage(scrutiny, 'Add a recommendation')
      expect(await scrutiny.getByLabel('Recommendation', { exact: true }).inputValue()).toBe(RESOLUTION_1)
      recommendationNumber = await scrutiny.getByLabel('Number').inputValue()
      expect(recommendationNumber).not.toBe('')
      await fillDate(scrutiny, 'Target date (optional)', '15', '2', '2024')
      const officer = scrutiny.getByLabel('Responsible officer (optional)')
      await officer.selectOption(await optionValue(officer, 'Chris Coyle'))
      await clickAndWait(scrutiny, scrutiny.getByRole('button', { name: 'Save recommendation' }))
      await onPage(scrutiny, `Recommendation ${recommendationNumber}`)
      recommendationPath = new URL(scrutiny.url()).pathname
      expect(recommendationPath).toMatch(/^\/recommendations\/[0-9a-f-]{36}$/)
      // Due in 24 days with no update yet: amber.
      expect(await scrutiny.getByText('Amber', { exact: true }).count()).toBeGreaterThan(0)
      await signOut(scrutiny)

      // The responsible officer, from their account page.
      const officerPage = await e2e.newPage('officer')
      await clickAndWait(officerPage, officerPage.getByRole('link', { name: 'Demo officer' }))
      await clickAndWait(officerPage, officerPage.getByRole('link', { name: 'My recommendations' }))
      await onPage(officerPage, 'My recommendations')
      const mine = officerPage.getByRole('region', { name: `Recommendation ${recommendationNumber}` })
      expect(await mine.getByText(RESOLUTION_1).count()).toBe(1)
      await mine.getByLabel(`Update on recommendation ${recommendationNumber}`).fill(UPDATE)
      await clickAndWait(officerPage, mine.getByRole('button', { name: 'Post update' }))
      await onPage(officerPage, 'My recommendations')
      const updated = officerPage.getByRole('region', { name: `Recommendation ${recommendationNumber}` })
      expect(await textOf(updated)).toContain(`22 January 2024: ${UPDATE}`)

      // The councillor, on the committee's tracker.
      const member = await e2e.newPage('member')
      await member.goto(`/bodies/${BODY}`)
      await clickAndWait(member, member.getByRole('link', { name: 'See all recommendations' }))
      await onPage(member, 'Recommendations tracker')
      const row = member.getByRole('row').filter({ hasText: RESOLUTION_1 })
      expect(await row.count()).toBe(1)
      expect(await textOf(row)).toContain('15 February 2024')
      await clickAndWait(member, row.getByRole('link').first())
      await onPage(member, `Recommendation ${recommendationNumber}`)
      expect(await member.getByText(UPDATE).count()).toBeGreaterThan(0)
    })

    test('on 1 March 2024, past its target date, it is red on the committee’s page under "Recommendations needing attention"', async () => {
      expect(recommendationPath, 'the recommendation tracked in the test before').not.toBe('')
      later = await startAppOnSameDatabase(e2e.server, '2024-03-01')
      const context = await e2e.newContext()
      try {
        const page = await context.newPage()
        await page.goto(`${later.baseUrl}/bodies/${BODY}`)
        await onPage(page, BODY_NAME)
        const attention = page.getByRole('table', {
          name: /Open recommendations that are red, or due by the next meeting/,
        })
        expect(await textOf(attention.getByRole('caption'))).toContain('27 March 2024')
        const row = attention.getByRole('row').filter({ hasText: RESOLUTION_1.slice(0, 40) })
        expect(await row.count()).toBe(1)
        expect(await row.getByRole('link').getAttribute('href')).toBe(recommendationPath)
        expect(await textOf(row.getByRole('cell').last())).toBe('Red')
      } finally {
        await context.close()
      }
    })
  })
})
