import { parse } from 'csv-parse/sync'
import type { Locator, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { BasePage, DEMO_EMAIL, clickAndWait, e2eSuite, expectNoAxeViolations } from './support/index.ts'

const BODY = 'children-and-young-peoples-scrutiny-committee'
const BODY_NAME = "Children and Young People's Scrutiny Committee"
const PLAN = 'Children’s Social Care Improvement Plan April 2023 to October 2024'

/** What a person sees in a locator (line breaks as spaces). */
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()
const textsOf = async (locator: Locator) => (await locator.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())

/** Checks the heading, that there are no errors, and the page with axe. */
async function onPage(page: Page, heading: string | RegExp) {
  const found = await new BasePage(page, heading).verifyOnPage()
  expect(await found.errorSummary(), `no errors on ${page.url()}`).toEqual([])
  await expectNoAxeViolations(page)
  return found
}

/** The GOV.UK success banner: its title, "Success", and its message. */
const banner = (page: Page) => textOf(page.getByRole('alert'))

/** What the minutes still need before they can be published: the list that leads with the meeting's date. */
const missing = (page: Page) =>
  page
    .getByRole('list')
    .filter({ has: page.getByRole('link', { name: 'Wait until the meeting has taken place' }) })
    .getByRole('listitem')

async function fillDate(page: Page, legend: string, [day, month, year]: string[]) {
  const group = page.getByRole('group', { name: legend })
  await group.getByLabel('Day').fill(day)
  await group.getByLabel('Month').fill(month)
  await group.getByLabel('Year').fill(year)
}

/**
 * Issue 13, "Everyday use": a journey per group of its bullets, as the people who tripped over them.
 * No journey reads what another changes (a meeting on 25 January 2024, its minutes, a work programme
 * item, an account's role), so they can run in any order.
 */
e2eSuite('Everyday use (issue 13)', (e2e) => {
  test('finding things: a resident searches the whole record, reads the red milestones, a meeting’s minutes and a councillor’s attendance', async () => {
    const page = await e2e.newPage()
    await page.goto('/')
    await clickAndWait(page, page.getByRole('link', { name: 'Search', exact: true }))
    const search = await onPage(page, 'Search meetings, papers, decisions and more')

    // The waiting lists in the menu are found by their name.
    await page.getByRole('searchbox').fill('waiting lists')
    await clickAndWait(page, page.getByRole('button', { name: 'Search', exact: true }))
    await search.verifyOnPage()
    expect(await textOf(page.getByRole('heading', { level: 2, name: /for ‘waiting lists’/ }))).toBe(
      '8 results for ‘waiting lists’',
    )
    const results = page.getByRole('list', { name: /for ‘waiting lists’/ }).getByRole('listitem')
    expect(await results.count()).toBe(8)
    // Each result says what it is.
    expect((await textsOf(results)).filter((result) => !result.startsWith('Waiting list '))).toEqual([])
    expect(
      await page.getByRole('link', { name: 'Paediatric speech and language therapy (waiting list)' }).count(),
    ).toBe(1)
    await expectNoAxeViolations(page)

    // Other words, narrowed to one type of record: a resolution of the committee.
    await page.getByRole('searchbox').fill('fostering')
    await page.getByText('Filter results').click()
    await page.getByRole('group', { name: 'Type' }).getByLabel('Resolution', { exact: true }).check()
    await clickAndWait(page, page.getByRole('button', { name: 'Apply filters' }))
    expect(await textOf(page.getByRole('heading', { level: 2, name: /for ‘fostering’/ }))).toBe(
      '1 result for ‘fostering’ (filtered)',
    )
    const resolution = page.getByRole('list', { name: /for ‘fostering’/ }).getByRole('listitem')
    expect(await textOf(resolution)).toMatch(
      /^Resolution Council Plan performance Q1 - Q2 2023\/24 \(resolution\) Children and Young People's Scrutiny Committee, Thursday 9 November 2023, item 10, resolution 2 .*foster carers/,
    )
    await expectNoAxeViolations(page)

    // The result opens the minutes at the item; the meeting page shows the same minute under it.
    await clickAndWait(page, resolution.getByRole('link'))
    expect(new URL(page.url()).hash).toBe('#item-10')
    await onPage(page, `Minutes of ${BODY_NAME}, Thursday 9 November 2023`)
    await clickAndWait(page, page.getByRole('link', { name: `${BODY_NAME}, 9 November 2023` }))
    await onPage(page, 'Thursday 9 November 2023')
    const item = page.getByRole('region', { name: '10. Council Plan performance Q1 - Q2 2023/24' })
    expect(await textOf(item.getByRole('heading', { level: 4 }))).toBe('Minutes')
    expect(await textOf(item)).toContain('Vicky Gent presented the indicators on children looked after, fostering')
    const agreed = item.getByRole('list').getByRole('listitem')
    expect(await agreed.count()).toBe(3)
    expect(await textOf(agreed.nth(1))).toMatch(
      /^To receive an update from Ms Gent on whether former foster carers .* Recommendation 9 in the recommendations tracker ?: item 10, resolution 2$/,
    )
    await clickAndWait(
      page,
      item.getByRole('link', { name: /^Recommendation 9 in the recommendations tracker ?: item 10, resolution 2$/ }),
    )
    await onPage(page, 'Recommendation 9')
    expect(
      await page
        .getByText('Meeting of 9 November 2023, item 10: Council Plan performance Q1 - Q2 2023/24, resolution 2')
        .count(),
    ).toBe(1)

    // A councillor's attendance, from the committee's members.
    await page.goBack()
    await clickAndWait(page, page.getByRole('link', { name: BODY_NAME, exact: true }).first())
    await onPage(page, BODY_NAME)
    await clickAndWait(page, page.getByRole('link', { name: 'Councillor Bamborough', exact: true }))
    await onPage(page, 'Councillor Bamborough')
    const attendance = page.getByRole('table', { name: 'Meetings attended out of meetings expected, by body' })
    expect(await textsOf(attendance.getByRole('row'))).toEqual([
      'Body Meetings attended Meetings expected',
      `${BODY_NAME} 2 2`,
    ])

    // The plan's counts lead to the milestones they count, with their actions.
    await clickAndWait(page, page.getByRole('link', { name: 'Improvement', exact: true }))
    await clickAndWait(page, page.getByRole('link', { name: PLAN }))
    await onPage(page, PLAN)
    await clickAndWait(page, page.getByRole('link', { name: '49 red', exact: true }))
    await onPage(page, 'Milestones')
    expect(await page.getByLabel('RAG rating').inputValue()).toBe('red')
    expect(await page.getByText('Showing 49 of 112 milestones', { exact: true }).count()).toBe(1)
    const theme = page.getByLabel('Theme')
    await theme.selectOption({ label: '1. Strategic Partnerships' })
    await clickAndWait(page, page.getByRole('button', { name: 'Apply filters' }))
    await onPage(page, 'Milestones')
    expect(await page.getByText('Showing 7 of 112 milestones', { exact: true }).count()).toBe(1)
    const rows = page
      .getByRole('table', { name: /Milestones matching the filters, with their actions/ })
      .getByRole('row')
    expect(await rows.count()).toBe(8) // the header and the 7 red milestones of theme 1
    for (const row of await rows.all().then((all) => all.slice(1))) {
      expect(await textOf(row.getByRole('cell').nth(3))).toMatch(/^Red/)
      expect(await row.getByRole('link', { name: /^1\.\d+ / }).count()).toBe(1)
    }
    await clickAndWait(page, rows.nth(1).getByRole('link'))
    await onPage(page, /^1\.\d+ /)
  })

  test('doing things safely: a scrutiny officer is asked before adding a second meeting on a day, deletes it, cannot publish minutes early, and is warned before moving an item off an agenda', async () => {
    const page = await e2e.newPage('scrutiny_officer')
    await page.goto('/meetings')
    await clickAndWait(page, page.getByRole('link', { name: 'Add a meeting' }))
    const form = await onPage(page, 'Add a meeting')
    const body = page.getByLabel('Committee or body')
    await body.selectOption({ label: BODY_NAME })
    await fillDate(page, 'Date of the meeting', ['25', '1', '2024'])
    await page.getByLabel('Start time (optional)').fill('6pm')
    await clickAndWait(page, page.getByRole('button', { name: 'Add meeting' }))

    // The committee already meets that day: asked to confirm, with what was typed kept.
    const sameDay = `${BODY_NAME} already has a meeting on Thursday 25 January 2024. Tick the box to add another on the same day, or change the date`
    await form.verifyOnPage()
    expect(await form.errorSummary()).toEqual([sameDay])
    expect(await form.fieldError('confirmSameDay')).toBe(sameDay)
    expect(await page.getByLabel('Start time (optional)').inputValue()).toBe('6pm')
    await expectNoAxeViolations(page)
    await page.getByLabel('Yes, add another meeting of this body on this day').check()
    await clickAndWait(page, page.getByRole('button', { name: 'Add meeting' }))
    expect(new URL(page.url()).pathname).toBe(`/meetings/2024-01-25-${BODY}-2`)
    await onPage(page, 'Thursday 25 January 2024')
    expect(await banner(page)).toBe('Success Meeting added')

    // Added by mistake, with nothing on it: it can be deleted.
    await clickAndWait(page, page.getByRole('link', { name: 'Delete this meeting' }))
    await onPage(page, 'Are you sure you want to delete this meeting?')
    await clickAndWait(page, page.getByRole('button', { name: 'Yes, delete this meeting' }))
    await onPage(page, BODY_NAME)
    expect(await banner(page)).toBe('Success Meeting on Thursday 25 January 2024 deleted')
    expect(
      await page
        .getByRole('link', { name: /^Thursday 25 January 2024/ })
        .evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).not.toContain(`/meetings/2024-01-25-${BODY}-2`)
    const gone = await page.goto(`/meetings/2024-01-25-${BODY}-2`)
    expect(gone?.status()).toBe(404)

    // The meeting that stays has an agenda: it offers no deletion.
    await page.goto(`/meetings/2024-01-25-${BODY}`)
    await onPage(page, 'Thursday 25 January 2024')
    expect(await page.getByRole('link', { name: 'Delete this meeting' }).count()).toBe(0)

    // It is on Thursday; today is Monday 22 January 2024: its minutes can be started, not published.
    await clickAndWait(page, page.getByRole('link', { name: 'Record the minutes' }))
    await clickAndWait(page, page.getByRole('button', { name: 'Start the minutes' }))
    await onPage(page, 'Record the minutes')
    expect((await textsOf(missing(page)))[0]).toBe('Wait until the meeting has taken place')
    expect(await page.getByRole('button', { name: 'Publish the minutes' }).count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Publish the minutes' }).count()).toBe(0)

    // Nor from the publishing page, reached from a bookmark.
    await page.goto(`/meetings/2024-01-25-${BODY}/minutes/publish`)
    await onPage(page, 'Publish the minutes')
    expect(await page.getByText('You cannot publish the minutes yet:').count()).toBe(1)
    expect((await textsOf(missing(page)))[0]).toBe('Wait until the meeting has taken place')
    expect(await page.getByRole('button', { name: 'Publish the minutes' }).count()).toBe(0)

    // A work programme item already on that agenda, planned for a later meeting: warned first.
    const topic = 'Update on Safeguarding Governance Arrangements'
    await page.goto(`/bodies/${BODY}/work-programme`)
    await clickAndWait(page, page.getByRole('link', { name: topic }))
    await onPage(page, topic)
    await clickAndWait(page, page.getByRole('link', { name: /^Change this item/ }))
    const change = await onPage(page, 'Change item')
    expect(await page.getByText(/^This item is on an agenda: /).innerText()).toBe(
      'This item is on an agenda: Safeguarding governance arrangements. If you plan it for another time, that agenda item stays where it is.',
    )
    await page.getByLabel('If at a meeting, which meeting').selectOption({ label: 'Wednesday 27 March 2024' })
    await clickAndWait(page, page.getByRole('button', { name: 'Save' }))
    const moveWarning =
      'This item is on the agenda of the meeting on Thursday 25 January 2024 as item 9. That agenda item will stay where it is: remove it from that agenda if it will not be taken then. Tick the box to move this item'
    await change.verifyOnPage()
    expect(await change.errorSummary()).toEqual([moveWarning])
    await expectNoAxeViolations(page)
    await page.getByLabel('Yes, plan this item for another time').check()
    await clickAndWait(page, page.getByRole('button', { name: 'Save' }))
    await onPage(page, topic)
    expect(await banner(page)).toBe('Success Work programme item updated')
    expect(await page.getByRole('link', { name: 'Meeting on 27 March 2024', exact: true }).count()).toBe(1)
    expect(await page.getByText('Item 9 on the agenda').count()).toBe(0)
    await page.goto(`/meetings/2024-01-25-${BODY}`)
    expect(await page.getByRole('heading', { name: '9. Safeguarding governance arrangements' }).count()).toBe(1)
  })

  test('reading figures: a councillor sees which services have no figures for a month, and a chart that breaks where months are missing', async () => {
    const page = await e2e.newPage('member')
    await page.goto('/')
    await clickAndWait(page, page.getByRole('link', { name: 'Waiting lists', exact: true }))

    // The latest month every service has figures for, not a month only one service has reached.
    await onPage(page, 'Waiting lists at the end of December 2023')
    const month = page.getByLabel('Month')
    expect(await textsOf(month.locator('option'))).toEqual([
      'December 2023',
      'November 2023',
      'February 2023',
      'February 2022',
      'August 2020',
    ])
    expect(await month.locator('option:checked').innerText()).toBe('December 2023')
    expect(await page.getByText(/^No figures for December 2023/).count()).toBe(0)

    // An earlier month that most services did not report: named, and marked in the table.
    await month.selectOption({ label: 'February 2023' })
    await clickAndWait(page, page.getByRole('button', { name: 'Show month' }))
    await onPage(page, 'Waiting lists at the end of February 2023')
    expect(await page.getByText(/^No figures for February 2023 have been recorded for /).innerText()).toBe(
      'No figures for February 2023 have been recorded for Paediatric speech and language therapy, Physiotherapy, Occupational therapy, Blenheim child development centre, Continence, Children’s hearing service, Neurodevelopmental pathway.',
    )
    const table = page.getByRole('table', { name: 'Children waiting at the end of February 2023, by service' })
    expect(await table.getByRole('cell', { name: 'No figures for February 2023' }).count()).toBe(7)
    const camhs = table.getByRole('row').filter({ hasText: 'CAMHS' })
    expect(await textOf(camhs)).toMatch(/263 .*88 33%/)

    // The one service with figures: its chart and table, with the missing months.
    await clickAndWait(page, camhs.getByRole('link'))
    await onPage(page, 'Child and adolescent mental health services (CAMHS)')
    const chart = page.getByRole('img', { name: /children waiting, by month/ })
    expect(await chart.getAttribute('aria-labelledby')).toContain('waiting-chart-desc')
    expect(await chart.locator('desc').textContent()).toContain(
      'from February 2022 to December 2023; the lines break where months have no figures',
    )
    // Referrals waiting in four months: a point each, and a line only between the two that follow each other.
    const referrals = chart.locator('path[stroke="#1d70b8"]')
    expect(await referrals.count()).toBe(1)
    expect((await referrals.getAttribute('d'))?.match(/[ML]/g)).toEqual(['M', 'L'])
    expect(await chart.locator('circle[fill="#1d70b8"]').count()).toBe(5) // four months and the key
    const history = page.getByRole('table', { name: 'Figures at the end of each month, latest first' })
    expect(await textsOf(history.getByRole('rowheader'))).toEqual([
      'December 2023',
      'November 2023',
      'March 2023 to October 2023',
      'February 2023',
      'March 2022 to January 2023',
      'February 2022',
    ])
    expect(await textOf(history.getByRole('row').filter({ hasText: 'March 2023 to October 2023' }))).toBe(
      'March 2023 to October 2023 No figures for these 8 months',
    )
    expect(await textOf(history.getByRole('row').filter({ hasText: 'March 2022 to January 2023' }))).toBe(
      'March 2022 to January 2023 No figures for these 11 months',
    )
    expect(
      await textOf(
        history.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'November 2023', exact: true }) }),
      ),
    ).toContain('Not known')
  })

  test('the audit trail: an admin changes a role, finds it by date, person, action and record type, pages through sign-in failures and downloads them', async () => {
    // A trail long enough for two pages: someone mistyping the councillor’s password, 55 times.
    const { db } = e2e.server.handle
    const member = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO_EMAIL.member)
      .executeTakeFirstOrThrow()
    for (let n = 0; n < 55; n++) {
      await recordAudit(db, systemContext(`e2e-${n}`), {
        action: 'sign-in failed',
        subjectType: 'user',
        subjectId: member.id,
        after: { source: '203.0.113.7' },
      })
    }

    const page = await e2e.newPage('admin')
    await page.goto('/admin')
    await clickAndWait(page, page.getByRole('link', { name: 'Accounts', exact: true }))
    await clickAndWait(page, page.getByRole('link', { name: 'Demo analyst', exact: true }))
    await onPage(page, 'Demo analyst')
    await clickAndWait(page, page.getByRole('link', { name: 'Change role' }))
    await onPage(page, 'Change the role of Demo analyst')
    await page.getByLabel('Officer', { exact: true }).check()
    await clickAndWait(page, page.getByRole('button', { name: 'Change role' }))
    await onPage(page, 'Demo analyst')
    expect(await banner(page)).toBe('Success Role changed')

    // Today's changes to accounts, by the day the app shows (the demo's 22 January 2024): the role
    // change, the analyst named and linked, the field it changed.
    await page.goto('/admin')
    await clickAndWait(page, page.getByRole('link', { name: 'Audit trail', exact: true }))
    const trail = await onPage(page, 'Audit trail')
    await fillDate(page, 'Date from', ['22', '1', '2024'])
    await page.getByLabel('Who').fill('Demo admin')
    await page.getByLabel('What happened').fill('changed role')
    await page.getByLabel('Record type').selectOption({ label: 'User' })
    await clickAndWait(page, page.getByRole('button', { name: 'Apply filters' }))
    await trail.verifyOnPage()
    const events = page.getByRole('table', { name: /match/ })
    expect(await textOf(events.locator('caption'))).toBe('1 event matches these filters Showing 1 to 1')
    const event = events.getByRole('row').nth(1)
    const cells = event.getByRole('cell')
    expect(await textOf(cells.nth(1))).toBe(`Demo admin <${DEMO_EMAIL.admin}>`)
    expect(await textOf(cells.nth(2).getByRole('term'))).toBe('Role')
    expect(await textOf(cells.nth(2).getByRole('definition'))).toMatch(/analyst .*changed to.* officer/)
    await expectNoAxeViolations(page)
    await clickAndWait(page, cells.nth(3).getByRole('link', { name: `Demo analyst (${DEMO_EMAIL.analyst})` }))
    await onPage(page, 'Demo analyst')

    // The failed sign-ins, page by page, and as a CSV file for an auditor.
    await page.goBack()
    await page.getByLabel('Who').fill('')
    await page.getByLabel('What happened').fill('sign-in failed')
    await page.getByLabel('Record type').selectOption({ label: 'Any record type' })
    await clickAndWait(page, page.getByRole('button', { name: 'Apply filters' }))
    const failures = page.getByRole('table', { name: /match/ })
    expect(await textOf(failures.locator('caption'))).toBe('55 events match these filters Showing 1 to 50')
    expect(await failures.getByRole('row').count()).toBe(51)
    await expectNoAxeViolations(page)
    await clickAndWait(page, page.getByRole('link', { name: /Next/ }))
    await trail.verifyOnPage()
    expect(await textOf(page.getByRole('table', { name: /match/ }).locator('caption'))).toBe(
      '55 events match these filters Showing 51 to 55',
    )
    expect(await page.getByLabel('What happened').inputValue()).toBe('sign-in failed')
    await expectNoAxeViolations(page)

    const download = page.getByRole('link', { name: 'Download these events as CSV' })
    const csv = await page.request.get((await download.getAttribute('href'))!)
    expect(csv.status()).toBe(200)
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers()['content-disposition']).toContain('audit-trail.csv')
    const [header, ...rows]: string[][] = parse(await csv.text(), { bom: true })
    expect(header).toEqual([
      'When (UTC)',
      'App date',
      'Who',
      'What happened',
      'Record type',
      'Record id',
      'Before',
      'After',
      'Request',
    ])
    expect(rows).toHaveLength(55)
    expect(new Set(rows.map((row) => `${row[3]} ${row[4]} ${row[5]}`))).toEqual(
      new Set([`sign-in failed user ${member.id}`]),
    )
  })
})
