import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import {
  attribute,
  errorSummary,
  formFields,
  heading,
  links,
  section,
  text,
  texts,
} from '../../../test/support/html.ts'
import { builders } from '../../../test/support/builders/index.ts'
import { type OpenApiPaths, json } from '../../../test/support/json.ts'

const committee = 'children-and-young-peoples-scrutiny-committee'
const programme = `/bodies/${committee}/work-programme`
const MARCH = `2024-03-27-${committee}`
const EDITORS: TestRole[] = ['scrutiny_officer', 'admin']

const item = (fields: Record<string, string> = {}) => ({
  title: 'Children missing education',
  description: 'How many, and what is done.',
  kind: 'committee item',
  schedule: 'month',
  'when-day': '',
  'when-month': '7',
  'when-year': '2024',
  timingNote: '',
  origin: 'member request',
  originNote: 'Asked for by Councillor Jones',
  status: 'planned',
  leadOfficer: 'Paul Turner',
  ...fields,
})

describe.each(testDatabases())('the work programme on $name', (database) => {
  let t: TestApp
  let itemUrl: string
  let bodyId: string
  let marchMeetingId: string
  let itemCount: number
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    const build = builders(t)
    const body = await build.aBody({ name: "Children and Young People's Scrutiny Committee" })
    bodyId = body.id
    await build.aBody({ name: "Resilient Communities and Children's Scrutiny Committee" })
    const january = await build.aMeeting(body, { date: '2024-01-25' })
    const march = await build.aMeeting(body, { date: '2024-03-27' })
    marchMeetingId = march.id
    await build.anAgendaItem(january, { number: 6, title: 'Executive and Cabinet Member decisions' })
    const items = [
      await build.aWorkProgrammeItem(body, { title: 'Young Inspectors Team update', meeting: january }),
      await build.aWorkProgrammeItem(body, { title: 'SEND progress', meeting: january, origin: 'inspection finding' }),
      await build.aWorkProgrammeItem(body, { title: 'Placement stability for foster carers', meeting: march }),
      await build.aWorkProgrammeItem(body, {
        title: 'Youth justice plan',
        month: '2024-06',
        fields: {
          timingNote: 'June or July 2024, to be confirmed',
          originNote: 'Referred by the Audit Committee, 15 September 2022',
        },
      }),
      await build.aWorkProgrammeItem(body, { title: 'Early Help Strategy development' }),
      await build.aWorkProgrammeItem(body, {
        title: 'Place Based Safeguarding Approach',
        kind: 'informal meeting',
        month: '2023-11-21',
        status: 'done',
      }),
      await build.aWorkProgrammeItem(body, {
        title: 'Corporate parenting',
        kind: 'briefing or training',
        month: '2024-02',
      }),
    ]
    itemUrl = items[0].url
    itemCount = items.length
    // SEND progress goes on the January agenda after item 6, as item 7.
    await build.putOnAgenda(items[1])
  })
  afterAll(() => t?.close())

  it.each(ALL_ROLES)('answers a %s as their role allows', async (role) => {
    const agent = await t.as(role)
    const editOnly = role === 'public' ? 303 : EDITORS.includes(role) ? 200 : 403
    const pages: [string, number][] = [
      [programme, 200],
      [`${programme}?view=table`, 200],
      [itemUrl, 200],
      [`${programme}/new`, editOnly],
      [`${itemUrl}/edit`, editOnly],
      [`/api/v1/work-programme?body=${bodyId}`, 200],
      [`${programme}/00000000-0000-0000-0000-000000000000`, 404],
      ['/bodies/no-such-body/work-programme', 404],
    ]
    for (const [url, status] of pages) expect((await agent.get(url)).statusCode, url).toBe(status)
  })

  it.each(['public', 'member', 'officer', 'analyst'] as const)('refuses every change to a %s', async (role) => {
    const agent = await t.as(role)
    const expected = role === 'public' ? 303 : 403
    expect((await agent.post(programme, item())).statusCode).toBe(expected)
    expect((await agent.post(`${itemUrl}/edit`, item())).statusCode).toBe(expected)
    expect((await agent.post(`${itemUrl}/agenda-item`)).statusCode).toBe(expected)
  })

  it('shows Appendix 10(a) grouped by meeting and month, the January items linked to the agenda', async () => {
    const page = await t.visitor().get(programme)
    expect(heading(page.body)).toBe('Work programme')
    const shown = text(page.body)
    for (const heading of ['Committee meetings', 'Scrutiny review work', 'Briefings and training'])
      expect(shown).toContain(heading)
    expect(shown.indexOf('Meeting on 25 January 2024')).toBeLessThan(shown.indexOf('Meeting on 27 March 2024'))
    expect(shown.indexOf('Meeting on 27 March 2024')).toBeLessThan(shown.indexOf('June 2024'))
    expect(shown).toContain('SEND progress')
    expect(shown).toContain('On the agenda as item 7')
    expect(shown).toContain('Timing: June or July 2024, to be confirmed')
    expect(shown).toContain('Referred by the Audit Committee, 15 September 2022')
    // Item 7 is second on that agenda, after item 6: the agenda marks it by its place.
    expect(links(page.body)).toContain(`/meetings/2024-01-25-${committee}#item-2`)
    expect(texts(section(page.body, 'Committee meetings'), 'caption')).toEqual([
      'Meeting on 25 January 2024',
      'Meeting on 27 March 2024',
      'June 2024',
      'To be confirmed',
    ])
    expect(text(section(page.body, 'Scrutiny review work'))).toContain('Place Based Safeguarding Approach')
    expect(text(section(page.body, 'Briefings and training'))).toContain('Corporate parenting')
    expect(text(page.body)).not.toContain('Add an item to the work programme')
    const table = await t.visitor().get(`${programme}?view=table`)
    expect(attribute(table.body, 'table', 'data-module')).toBe('moj-sortable-table')
    expect(texts(table.body, 'caption')).toEqual([`All ${itemCount} items`])
  })

  it('adds and changes an item, explaining what is wrong', async () => {
    const agent = await t.as('scrutiny_officer')
    const blank = await agent.post(programme, {})
    expect(blank.statusCode).toBe(400)
    expect(errorSummary(blank.body)).toEqual([
      'Enter the title of the item',
      'Select what kind of item this is',
      'Select when the item is planned for',
      'Select where the item came from',
      'Select the status of the item',
    ])
    const noMonth = await agent.post(programme, item({ 'when-month': '', 'when-year': '' }))
    expect(errorSummary(noMonth.body)).toEqual(['Enter the month and year'])
    const noMeeting = await agent.post(programme, item({ schedule: 'meeting' }))
    expect(errorSummary(noMeeting.body)).toEqual(['Select the meeting'])
    const unscheduled = await agent.post(programme, item({ schedule: 'tbc', status: 'scheduled' }))
    expect(errorSummary(unscheduled.body)).toEqual([
      'An item to be confirmed cannot be scheduled: say when it is planned for, or choose planned',
    ])
    expect(formFields(unscheduled.body, programme).originNote).toBe('Asked for by Councillor Jones')

    const added = await agent.post(programme, item())
    expect(added.statusCode).toBe(303)
    const page = await agent.get(added.headers.location as string)
    expect(heading(page.body)).toBe('Children missing education')
    expect(text(page.body)).toContain('When July 2024')
    const edit = `${added.headers.location}/edit`
    const changed = await agent.post(edit, {
      ...(await agent.versionOf(edit)),
      ...item({ 'when-day': '4', status: 'dropped' }),
    })
    expect(changed.statusCode).toBe(303)
    const after = text((await agent.get(added.headers.location as string)).body)
    expect(after).toContain('When 4 July 2024')
    expect(after).toContain('Dropped')
    expect(after).toContain('Updated work programme item')
  })

  it('creates an agenda item from an item scheduled to a meeting, once', async () => {
    const agent = await t.as('scrutiny_officer')
    const added = await agent.post(
      programme,
      item({ title: 'Elective home education', schedule: 'meeting', meetingId: marchMeetingId }),
    )
    const url = added.headers.location as string
    expect(text((await agent.get(url)).body)).toContain('Create agenda item from this')
    expect(text((await (await t.as('officer')).get(url)).body)).not.toContain('Create agenda item from this')

    const created = await agent.post(`${url}/agenda-item`)
    expect(created.statusCode).toBe(303)
    expect(created.headers.location).toBe(`/meetings/${MARCH}#item-1`)
    expect(text((await t.visitor().get(`/meetings/${MARCH}`)).body)).toContain('Elective home education')
    const page = text((await agent.get(url)).body)
    expect(page).toContain('Item 1 on the agenda')
    expect(page).toContain('Scheduled')
    expect(page).toContain('Put work programme item on the agenda')

    const again = await agent.post(`${url}/agenda-item`)
    expect(again.statusCode).toBe(400)
    expect(errorSummary(again.body)).toEqual(['This item is already on an agenda'])

    // Planning it for another time warns first, and says what becomes of the agenda item.
    const edit = `${url}/edit`
    const moved = { ...item({ title: 'Elective home education', schedule: 'tbc', status: 'planned' }) }
    expect(text((await agent.get(edit)).body)).toContain('This item is on an agenda')
    const warned = await agent.post(edit, { ...(await agent.versionOf(edit)), ...moved })
    expect(warned.statusCode).toBe(400)
    expect(errorSummary(warned.body)).toEqual([
      'This item is on the agenda of the meeting on Wednesday 27 March 2024 as item 1. That agenda item will stay where it is: remove it from that agenda if it will not be taken then. Tick the box to move this item',
    ])
    const confirmed = await agent.post(edit, { ...(await agent.versionOf(edit)), ...moved, confirmMove: 'yes' })
    expect(confirmed.statusCode).toBe(303)
    expect(text((await agent.get(url)).body)).not.toContain('Item 1 on the agenda')
    expect(text((await t.visitor().get(`/meetings/${MARCH}`)).body)).toContain('Elective home education')
    const later = await agent.post(programme, item({ title: 'Youth voice', schedule: 'tbc' }))
    const refused = await agent.post(`${later.headers.location}/agenda-item`)
    expect(refused.statusCode).toBe(400)
    expect(errorSummary(refused.body)).toEqual(['Schedule the item to a meeting first'])
  })

  it('makes one agenda item when the button is pressed twice at once, and nothing when the meeting is gone', async () => {
    const agent = await t.as('scrutiny_officer')
    const added = await agent.post(
      programme,
      item({ title: 'Care leavers’ accommodation', schedule: 'meeting', meetingId: marchMeetingId }),
    )
    const url = added.headers.location as string
    const both = await Promise.all([agent.post(`${url}/agenda-item`), agent.post(`${url}/agenda-item`)])
    expect(both.map((response) => response.statusCode).sort()).toEqual([303, 400])
    const onAgenda = await t.db
      .selectFrom('agendaItems')
      .select('id')
      .where('meetingId', '=', marchMeetingId)
      .where('title', '=', 'Care leavers’ accommodation')
      .execute()
    expect(onAgenda).toHaveLength(1)
  })

  it('answers 404 for another body’s item', async () => {
    const other = itemUrl.replace(committee, 'resilient-communities-and-childrens-scrutiny-committee')
    expect((await t.visitor().get(other)).statusCode).toBe(404)
  })

  it('publishes the work programme as open data', async () => {
    const response = await t.visitor().get(`/api/v1/work-programme?body=${bodyId}`)
    const { items } = json<{ items: { title: string; schedule: unknown }[] }>(response)
    const send = items.find((i) => i.title === 'SEND progress')
    expect(send).toMatchObject({
      body: { id: bodyId, name: "Children and Young People's Scrutiny Committee" },
      kind: 'committee item',
      schedule: { type: 'meeting', meeting: { date: '2024-01-25', url: `/meetings/2024-01-25-${committee}` } },
      origin: 'inspection finding',
      status: 'scheduled',
    })
    const review = items.find((i) => i.title === 'Place Based Safeguarding Approach')
    expect(review).toMatchObject({
      kind: 'informal meeting',
      schedule: { type: 'month', month: '2023-11', date: '2023-11-21' },
      status: 'done',
    })
    expect(items.find((i) => i.title === 'Early Help Strategy development')?.schedule).toEqual({
      type: 'to be confirmed',
    })
    expect((await t.visitor().get('/api/v1/work-programme?body=nope')).statusCode).toBe(400)
    expect((await t.visitor().get('/api/v1/work-programme?body=00000000-0000-0000-0000-000000000000')).statusCode).toBe(
      404,
    )
    const openapi = json<OpenApiPaths>(await t.visitor().get('/api/v1/openapi.json'))
    expect(openapi.paths['/api/v1/work-programme']).toBeTruthy()
  })
})
