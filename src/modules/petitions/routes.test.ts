import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import { confirmation, errorSummary, fieldError, heading, summaryList, table } from '../../../test/support/html.ts'

const EDITORS: TestRole[] = ['scrutiny_officer', 'admin']
const BODY = 'children-and-young-peoples-scrutiny-committee'

/** The form as a browser posts it: an unticked box is not sent at all. */
const petition = (fields: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(form(fields)).filter(([name, value]) => name !== 'leadNamed' || value !== ''))

const form = (fields: Record<string, string>) => ({
  title: 'Keep the Grange Park youth club open',
  leadPetitioner: 'Sam Example',
  leadNamed: 'yes',
  paperSignatures: '1,250',
  ePetitionSignatures: '3000',
  bodyId: '',
  'presentedOn-day': '25',
  'presentedOn-month': '1',
  'presentedOn-year': '2024',
  threshold: 'Debate at full council',
  response: '',
  'respondedOn-day': '',
  'respondedOn-month': '',
  'respondedOn-year': '',
  ...fields,
})

describe.each(testDatabases())('petitions on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  it.each(ALL_ROLES)('answers a %s as their role allows', async (role) => {
    const agent = await t.as(role)
    const editOnly = role === 'public' ? 303 : EDITORS.includes(role) ? 200 : 403
    expect((await agent.get('/petitions')).statusCode).toBe(200)
    expect((await agent.get('/petitions/new')).statusCode).toBe(editOnly)
    expect((await agent.get('/petitions/no-such-petition')).statusCode).toBe(404)
    // An empty form: those who may record petitions are told what is missing; nobody else gets that far.
    const post = await agent.post('/petitions', {})
    expect(post.statusCode).toBe(role === 'public' ? 303 : EDITORS.includes(role) ? 400 : 403)
  })

  it('explains each rule next to the field and in the summary', async () => {
    const officer = await t.as('scrutiny_officer')
    const blank = await officer.post('/petitions', petition({ title: '', leadPetitioner: '' }))
    expect(blank.statusCode).toBe(400)
    expect(errorSummary(blank.body)).toEqual([
      'Enter the title of the petition',
      'Enter the lead petitioner’s name, or untick that they agreed to be named',
    ])
    const wrong = await officer.post(
      '/petitions',
      petition({
        paperSignatures: '10,000,001',
        ePetitionSignatures: '-3',
        response: 'Noted.',
        'respondedOn-day': '24',
        'respondedOn-month': '1',
        'respondedOn-year': '2024',
      }),
    )
    expect(wrong.statusCode).toBe(400)
    expect(errorSummary(wrong.body)).toEqual([
      'Paper signatures must be 10,000,000 or fewer',
      'E-petition signatures must be a whole number, like 1,250',
      'The date of the response must be the same as or after the date presented',
    ])
    expect(fieldError(wrong.body, 'respondedOn')).toContain('must be the same as or after the date presented')
    const noBody = await officer.post('/petitions', petition({ bodyId: '00000000-0000-4000-8000-000000000000' }))
    expect(errorSummary(noBody.body)).toEqual(['Choose a committee from the list'])
  })

  it('records a petition with an audit entry, and shows it with its total signatures', async () => {
    const officer = await t.as('scrutiny_officer')
    const body = await t.db.selectFrom('bodies').select('id').where('slug', '=', BODY).executeTakeFirstOrThrow()
    const saved = await officer.post('/petitions', petition({ bodyId: body.id }))
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe('/petitions/keep-the-grange-park-youth-club-open')
    // The petition's page says it was added, once.
    expect(confirmation((await officer.get(saved.headers.location as string)).body)).toBe('Petition added')
    expect(confirmation((await officer.get(saved.headers.location as string)).body)).toBe('')
    const added = await t.db
      .selectFrom('petitions')
      .select('id')
      .where('slug', '=', 'keep-the-grange-park-youth-club-open')
      .executeTakeFirstOrThrow()
    const event = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'actorLabel'])
      .where('subjectType', '=', 'petition')
      .where('subjectId', '=', added.id)
      .executeTakeFirstOrThrow()
    expect(event.action).toBe('added petition')
    const page = await t.visitor().get(saved.headers.location as string)
    expect(heading(page.body)).toBe('Keep the Grange Park youth club open')
    expect(summaryList(page.body)).toMatchObject({
      'Lead petitioner': 'Sam Example',
      'Total signatures': '4,250',
      'Threshold met': 'Debate at full council',
      'Date presented': '25 January 2024',
    })
    // The same title again gets an address of its own.
    const again = await officer.post(
      '/petitions',
      petition({ leadNamed: '', 'presentedOn-day': '8', 'presentedOn-month': '2' }),
    )
    expect(again.headers.location).toBe('/petitions/keep-the-grange-park-youth-club-open-2')
  })

  it('hides a lead petitioner who did not agree to be named, on the list, the page and the API', async () => {
    const officer = await t.as('scrutiny_officer')
    await officer.post(
      '/petitions',
      petition({ title: 'A crossing on Park Road', leadPetitioner: 'Pat Private', leadNamed: '' }),
    )
    const list = await t.visitor().get('/petitions')
    expect(list.body).not.toContain('Pat Private')
    const rows = table(list.body)
    expect(rows.find((row) => row[0] === 'A crossing on Park Road')?.[1]).toBe('Not published')
    const page = await t.visitor().get('/petitions/a-crossing-on-park-road')
    expect(page.body).not.toContain('Pat Private')
    expect(summaryList(page.body)['Lead petitioner']).toBe('Not published')
    const api = JSON.parse((await t.visitor().get('/api/v1/petitions?pageSize=100')).body)
    const crossing = api.petitions.find((p: { slug: string }) => p.slug === 'a-crossing-on-park-road')
    expect(crossing).toMatchObject({ leadPetitioner: null, totalSignatures: 4250 })
    expect(JSON.stringify(api)).not.toContain('Pat Private')
    const named = api.petitions.find((p: { slug: string }) => p.slug === 'keep-the-grange-park-youth-club-open')
    expect(named).toMatchObject({ leadPetitioner: 'Sam Example', presentedTo: BODY })
    // The officer still sees the name on the change form.
    const form = await officer.get('/petitions/a-crossing-on-park-road/edit')
    expect(form.body).toContain('Pat Private')
  })

  it('pages the API newest first', async () => {
    const first = JSON.parse((await t.visitor().get('/api/v1/petitions?pageSize=1')).body)
    expect(first.total).toBeGreaterThanOrEqual(3)
    expect(first.petitions).toHaveLength(1)
    expect(first.petitions[0].presentedOn).toBe('2024-02-08')
    expect(first.next).toContain('page=2')
    expect(first.licence).toBeTruthy()
    expect((await t.visitor().get('/api/v1/petitions?page=0')).statusCode).toBe(400)
  })

  it('changes a petition and records what changed; a member cannot', async () => {
    const officer = await t.as('scrutiny_officer')
    const slug = '/petitions/a-crossing-on-park-road'
    const form = await officer.get(`${slug}/edit`)
    const version = /name="_version" value="(\d+)"/.exec(form.body)?.[1] ?? '1'
    const changed = await officer.post(
      `${slug}/edit`,
      petition({
        title: 'A crossing on Park Road',
        leadPetitioner: 'Pat Private',
        leadNamed: '',
        response: 'A crossing will be built in 2025.',
        'respondedOn-day': '1',
        'respondedOn-month': '3',
        'respondedOn-year': '2024',
        _version: version,
      }),
    )
    expect(changed.statusCode).toBe(303)
    expect(confirmation((await officer.get(slug)).body)).toBe('Petition updated')
    const page = await t.visitor().get(slug)
    expect(page.body).toContain('A crossing will be built in 2025.')
    expect(page.body).toContain('Given on 1 March 2024')
    const event = await t.db
      .selectFrom('auditEvents')
      .select(['before', 'after'])
      .where('action', '=', 'changed petition')
      .executeTakeFirstOrThrow()
    expect(event.before).toMatchObject({ response: '' })
    expect(event.after).toMatchObject({ response: 'A crossing will be built in 2025.' })
    const member = await t.as('member')
    expect((await member.post(`${slug}/edit`, petition())).statusCode).toBe(403)
  })
})
