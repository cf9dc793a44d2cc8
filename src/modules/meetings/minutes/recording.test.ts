import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '#src/database.ts'
import type { Agent } from '../../../../test/support/agent.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { confirmation, errorSummary, heading, text } from '../../../../test/support/html.ts'

const minutes = '/meetings/2023-10-05-corporate-parenting-panel/minutes'
const api = '/api/v1/meetings/2023-10-05-corporate-parenting-panel'

/** A panel of the demo council with three meetings: minutes are taken on 5 October, approved on 7 December. */
async function createPanel(db: Db) {
  const person = async (slug: string) =>
    (await db.selectFrom('people').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id
  const body = await db
    .insertInto('bodies')
    .values({ slug: 'corporate-parenting-panel', name: 'Corporate parenting panel', kind: 'panel', remit: '' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('memberships')
    .values([
      { bodyId: body.id, personId: await person('flanagan'), role: 'chair', startsOn: null, endsOn: null },
      { bodyId: body.id, personId: await person('jones'), role: 'member', startsOn: '2023-05-18', endsOn: null },
      {
        bodyId: body.id,
        personId: await person('gemma-clayton'),
        role: 'co-opted member',
        startsOn: null,
        endsOn: null,
      },
      { bodyId: body.id, personId: await person('cooper'), role: 'member', startsOn: null, endsOn: '2023-06-01' },
    ])
    .execute()
  const meeting = async (date: string, status: 'held' | 'scheduled', titles: string[], exempt?: number) => {
    const { id } = await db
      .insertInto('meetings')
      .values({
        slug: `${date}-corporate-parenting-panel`,
        bodyId: body.id,
        date,
        startTime: '18:00',
        venue: '',
        status,
        notes: '',
        agendaPublishedOn: date,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const items = titles.map((title, index) => ({
      meetingId: id,
      number: String(index + 1),
      position: index + 1,
      title,
      purpose: `Purpose of ${title}`,
      pageFrom: null,
      pageTo: null,
      minute: '',
      exemptParagraph: index + 1 === exempt ? 1 : null,
      exemptReason: index + 1 === exempt ? 'About one child' : null,
      exemptReviewOn: null,
    }))
    await db.insertInto('agendaItems').values(items).execute()
  }
  await meeting('2023-10-05', 'held', ['Declarations of interest', 'Fostering sufficiency', 'A child’s placement'], 3)
  await meeting('2023-12-07', 'held', ['Minutes of the last meeting held on 5 October 2023', 'Any other business'])
  await meeting('2024-02-01', 'scheduled', ['Minutes of the last meeting held on 7 December 2023'])
}

/** The id in the first link or form on the page whose address matches `pattern`. */
function idIn(html: string, pattern: string): string {
  const found = new RegExp(`${pattern.replace(/\//g, '\\/')}`).exec(html)?.[1]
  if (!found) throw new Error(`No ${pattern} on the page`)
  return found
}

describe.each(testDatabases())('recording minutes on $name', (database) => {
  let t: TestApp
  let officer: Agent
  beforeAll(async () => {
    t = await startTestApp(database)
    await createPanel(t.db)
    officer = await t.as('scrutiny_officer')
  })
  afterAll(() => t?.close())

  it('starts draft minutes that only those who record minutes can see', async () => {
    expect(text((await officer.get(minutes)).body)).toContain('The minutes of this meeting have not been started.')
    const started = await officer.post(`${minutes}/start`)
    expect(started.statusCode).toBe(303)
    expect(started.headers.location).toBe(`${minutes}/edit`)
    const page = await officer.get(`${minutes}/edit`)
    expect(heading(page.body)).toBe('Record the minutes')
    expect(confirmation(page.body)).toBe('Minutes started')
    expect(text(page.body)).toContain('Draft')
    for (const role of ['public', 'member'] as const)
      expect((await (await t.as(role)).get(minutes)).statusCode).toBe(404)
    const open = (await t.visitor().get(api)).json()
    expect(open).toMatchObject({ minutesStatus: null, attendance: [], declarations: [] })
  })

  it('marks the members on the day present and allows one chair', async () => {
    expect((await officer.post(`${minutes}/attendance/members`)).statusCode).toBe(303)
    const page = await officer.get(`${minutes}/edit`)
    expect(confirmation(page.body)).toBe('Members recorded as present')
    expect(text(page.body)).toMatch(
      /Councillor Flanagan Member Present .*Councillor Jones Member Present .*Ms Gemma Clayton Co-opted member Present/,
    )
    expect(text(page.body)).not.toContain('Cooper')
    expect(text(page.body)).toContain('Record who chaired the meeting')
    const chair = { capacity: 'member', status: 'present', chaired: 'yes' }
    const flanagan = idIn(
      page.body,
      'attendance/([0-9a-f-]{36})/edit">Change<span class="govuk-visually-hidden"> Councillor Flanagan',
    )
    const jones = idIn(
      page.body,
      'attendance/([0-9a-f-]{36})/edit">Change<span class="govuk-visually-hidden"> Councillor Jones',
    )
    const form = await officer.get(`${minutes}/attendance/${flanagan}/edit`)
    const personId = idIn(form.body, '<option value="([0-9a-f-]{36})" selected>')
    expect((await officer.post(`${minutes}/attendance/${flanagan}/edit`, { ...chair, personId })).statusCode).toBe(303)
    const second = await officer.post(`${minutes}/attendance/${jones}/edit`, { ...chair, rawName: 'Jones' })
    expect(second.statusCode).toBe(400)
    expect(errorSummary(second.body)).toEqual([
      'Councillor Flanagan is already recorded as chairing this meeting. Change their entry first',
    ])
    expect(second.body).toMatch(/id="chaired-error"/)
  })

  it('explains what is missing from an attendance entry, next to each answer', async () => {
    const page = await officer.post(`${minutes}/attendance`, { roleAtMeeting: 'Kept role' })
    expect(page.statusCode).toBe(400)
    expect(errorSummary(page.body)).toEqual([
      'Select a person or enter their name',
      'Select the capacity they attended in',
      'Select their attendance',
    ])
    expect(page.body).toMatch(/id="personId-error"[\s\S]*id="capacity-error"[\s\S]*id="status-error"/)
    expect(page.body).toContain('Kept role')
    const visitor = {
      rawName: 'Ms A Example',
      capacity: 'officer',
      status: 'in attendance',
      roleAtMeeting: 'Head of Fostering',
    }
    expect((await officer.post(`${minutes}/attendance`, visitor)).statusCode).toBe(303)
    const extra = { rawName: 'Mr B Mistake', capacity: 'other', status: 'absent' }
    expect((await officer.post(`${minutes}/attendance`, extra)).statusCode).toBe(303)
    const page2 = await officer.get(`${minutes}/edit`)
    const remove =
      /<form method="post" action="([^"]+\/remove)">\s*<input type="hidden" name="_csrf" value="[^"]+">\s*<button[^>]*>Remove<span class="govuk-visually-hidden"> Mr B Mistake/
    const action = remove.exec(page2.body)?.[1]
    expect(action).toBeTruthy()
    expect((await officer.post(action!)).statusCode).toBe(303)
    const removed = await officer.get(`${minutes}/edit`)
    expect(confirmation(removed.body)).toBe('Attendance removed')
    expect(text(removed.body)).not.toContain('Mr B Mistake')
  })

  it('records declarations of interest, or that there were none, never both', async () => {
    expect((await officer.post(`${minutes}/declarations/none`, { none: 'yes' })).statusCode).toBe(303)
    const noneRecorded = await officer.get(`${minutes}/edit`)
    expect(confirmation(noneRecorded.body)).toBe('Recorded that there were no declarations')
    expect(text(noneRecorded.body)).toContain('There were no declarations of interest.')
    const form = await officer.get(`${minutes}/declarations/new`)
    const jones = idIn(form.body, '<option value="([0-9a-f-]{36})">Councillor Jones')
    const item2 = idIn(form.body, 'value="([0-9a-f-]{36})">\\s*<label[^>]*>\\s*2. Fostering sufficiency')
    const empty = await officer.post(`${minutes}/declarations`, {})
    expect(errorSummary(empty.body)).toEqual([
      'Select who declared the interest',
      'Select the category of interest',
      'Enter the nature of the interest',
      'Select whether they left the room, or that the minutes do not say',
    ])
    const declaration = {
      personId: jones,
      itemIds: item2,
      category: 'other',
      categoryLabel: 'Personal',
      nature: 'Is a foster carer',
      leftRoom: 'no',
    }
    expect((await officer.post(`${minutes}/declarations`, declaration)).statusCode).toBe(303)
    const page = await officer.get(`${minutes}/edit`)
    expect(text(page.body)).toContain(
      'Councillor Jones 2. Fostering sufficiency Personal Is a foster carer They did not leave the room.',
    )
    expect(text(page.body)).not.toContain('There were no declarations of interest.')
    const none = await officer.post(`${minutes}/declarations/none`, { none: 'yes' })
    expect(none.statusCode).toBe(400)
    expect(errorSummary(none.body)).toEqual([
      'Declarations of interest are recorded. Remove them before recording that there were none',
    ])
  })

  it('will not publish until every item has a minute or a resolution', async () => {
    const page = await officer.get(`${minutes}/publish`)
    expect(text(page.body)).toContain(
      'You cannot publish the minutes yet: Write a minute or a resolution for item 1: Declarations of interest',
    )
    const refused = await officer.post(`${minutes}/publish`)
    expect(refused.statusCode).toBe(400)
    expect(errorSummary(refused.body)[0]).toMatch(
      /^The minutes cannot be published yet\. Write a minute or a resolution for item 1/,
    )
  })

  it('records the minute of each item and numbers its resolutions in order', async () => {
    await officer.post(`${minutes}/items/1`, { minute: 'Councillor Jones declared a personal interest in item 2.' })
    await officer.post(`${minutes}/items/2`, { minute: 'The panel looked at the number of foster carers.' })
    for (const text of ['First', 'Second', 'Third']) {
      expect((await officer.post(`${minutes}/items/2/resolutions`, { text: `${text} resolution.` })).statusCode).toBe(
        303,
      )
    }
    expect(errorSummary((await officer.post(`${minutes}/items/2/resolutions`, { text: ' ' })).body)).toEqual([
      'Enter what the committee agreed',
    ])
    let item = await officer.get(`${minutes}/items/2`)
    const third = idIn(
      item.body,
      'resolutions/([0-9a-f-]{36})/edit">Change<span class="govuk-visually-hidden"> resolution 3',
    )
    await officer.post(`${minutes}/resolutions/${third}/edit`, {
      text: 'Third resolution, moved first.',
      position: '1',
    })
    item = await officer.get(`${minutes}/items/2`)
    const second = idIn(
      item.body,
      'resolutions/([0-9a-f-]{36})/edit">Change<span class="govuk-visually-hidden"> resolution 2',
    )
    expect((await officer.post(`${minutes}/resolutions/${second}/remove`)).statusCode).toBe(303)
    item = await officer.get(`${minutes}/items/2`)
    expect(confirmation(item.body)).toBe('Resolution removed')
    expect(text(item.body)).toMatch(
      /The Committee agreed: Third resolution, moved first\. Change resolution 1 Remove resolution 1 Second resolution\./,
    )
    await officer.post(`${minutes}/items/3`, { minute: 'Secret placement detail.' })
    await officer.post(`${minutes}/items/3/resolutions`, { text: 'Secret resolution.' })
    const bad = await officer.post(`${minutes}/ended`, { endedAt: 'later' })
    expect(errorSummary(bad.body)).toEqual(['Enter the time the meeting ended, like 7:56pm or 19:56'])
    expect((await officer.post(`${minutes}/ended`, { endedAt: '7.56pm' })).statusCode).toBe(303)
    expect(confirmation((await officer.get(`${minutes}/edit`)).body)).toBe('Finish time recorded')
  })

  it('publishes the minutes for everyone, keeping the exempt item’s minute from the public', async () => {
    const published = await officer.post(`${minutes}/publish`)
    expect(published.statusCode).toBe(303)
    expect(published.headers.location).toBe(minutes)
    const page = await t.visitor().get(minutes)
    expect(page.statusCode).toBe(200)
    const shown = text(page.body)
    expect(shown).toContain('Published, not yet approved')
    expect(shown).toContain(
      'Councillor Flanagan (in the Chair) Members Councillor Jones Co-opted members Ms Gemma Clayton',
    )
    expect(shown).toContain('In attendance Ms A Example, Head of Fostering')
    expect(shown).toContain('Councillor Jones 2. Fostering sufficiency Personal Is a foster carer')
    expect(shown).toContain('The Committee agreed: Third resolution, moved first. Second resolution.')
    expect(shown).toContain('3. A child’s placement Exempt under paragraph 1 of Part 1 of Schedule 12A')
    expect(shown).not.toContain('Secret')
    expect(shown).toContain('The meeting ended at 7:56pm.')
    expect(text((await officer.get(minutes)).body)).toContain(
      'Secret placement detail. The Committee agreed: Secret resolution.',
    )
    expect(text((await (await t.as('member')).get(minutes)).body)).toContain('Secret placement detail.')
    expect(text((await (await t.newAccount('member')).get(minutes)).body)).not.toContain('Secret')
  })

  it('publishes the minutes as open data, without the exempt item’s content, whoever asks', async () => {
    const meeting = (await officer.get(api)).json()
    expect(meeting.minutesStatus).toBe('published')
    expect(meeting.items[1].resolutions).toEqual([
      { number: 1, text: 'Third resolution, moved first.' },
      { number: 2, text: 'Second resolution.' },
    ])
    expect(meeting.items[2]).toMatchObject({
      number: '3',
      exempt: { paragraph: 1 },
      purpose: null,
      minute: null,
      resolutions: [],
    })
    expect(JSON.stringify(meeting)).not.toContain('Secret')
    expect(meeting.attendance).toContainEqual({
      name: 'Ms A Example',
      capacity: 'officer',
      status: 'in attendance',
      substituteFor: null,
      arrivedAtItem: null,
      leftAtItem: null,
      roleAtMeeting: 'Head of Fostering',
      chaired: false,
    })
    expect(meeting.declarations).toEqual([
      {
        member: 'Councillor Jones',
        category: 'other',
        categoryLabel: 'Personal',
        itemIds: [meeting.items[1].id],
        nature: 'Is a foster carer',
        leftRoom: false,
        dispensation: null,
      },
    ])
    expect(meeting.endedAt).toBe('19:56')
  })

  it('takes published minutes back to draft with a reason, then publishes them again', async () => {
    const noReason = await officer.post(`${minutes}/unpublish`, { reason: '' })
    expect(errorSummary(noReason.body)).toEqual(['Enter why the minutes are going back to draft'])
    expect((await officer.post(`${minutes}/unpublish`, { reason: 'Wrong chair' })).statusCode).toBe(303)
    expect((await t.visitor().get(minutes)).statusCode).toBe(404)
    expect((await (await t.as('member')).get(minutes)).statusCode).toBe(404)
    expect((await officer.post(`${minutes}/publish`)).statusCode).toBe(303)
    const history = text((await (await t.as('member')).get(minutes)).body)
    expect(history).toMatch(
      /History of changes .*Published minutes .*Unpublished minutes .*Published minutes .*Started minutes/,
    )
  })

  it('records approval at a later meeting of the same body that has taken place', async () => {
    const form = await officer.get(`${minutes}/approve`)
    expect(form.body).toMatch(
      /<option value="[0-9a-f-]{36}" selected>7 December 2023, item 1: Minutes of the last meeting/,
    )
    expect(form.body).not.toContain('1 February 2024')
    expect(form.body).not.toContain('9 November 2023')
    const otherBody = await t.db
      .selectFrom('agendaItems')
      .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
      .select('agendaItems.id')
      .where('meetings.slug', '=', '2023-11-09-children-and-young-peoples-scrutiny-committee')
      .executeTakeFirstOrThrow()
    const refused = await officer.post(`${minutes}/approve`, { agendaItemId: otherBody.id })
    expect(errorSummary(refused.body)).toEqual(['The minutes can only be approved at a meeting of the same body'])
    expect(errorSummary((await officer.post(`${minutes}/approve`, {})).body)).toEqual([
      'Select the meeting and agenda item at which the minutes were approved',
    ])
    const item = idIn(form.body, '<option value="([0-9a-f-]{36})" selected>')
    const approved = await officer.post(`${minutes}/approve`, {
      agendaItemId: item,
      amendment: 'Item 2: 12 foster carers, not 21.',
    })
    expect(approved.statusCode).toBe(303)
    const shown = text((await t.visitor().get(minutes)).body)
    expect(shown).toMatch(
      /Approved as a correct record at the meeting on 7 December 2023 under item 1, with amendments: Item 2: 12 foster carers, not 21\. Read the draft published on .*, before the amendments/,
    )
    expect(text((await officer.get(`${minutes}/edit`)).body)).toContain(
      'approved as a correct record on 7 December 2023 and can no longer be changed',
    )
    expect((await officer.get(`${minutes}/unpublish`)).headers.location).toBe(`${minutes}/edit`)
    expect((await t.visitor().get(api)).json()).toMatchObject({
      minutesStatus: 'approved',
      approval: { on: '2023-12-07', item: '1' },
    })
    const audit = await t.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'approved minutes with amendments')
      .executeTakeFirstOrThrow()
    expect(audit.before).toMatchObject({ status: 'published' })
    expect(audit.after).toMatchObject({
      status: 'approved',
      approvalAmendment: 'Item 2: 12 foster carers, not 21.',
      keptDraftId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
  })
})
