import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builders } from '../../../test/support/builders/index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import { errorSummary, fieldError, heading, linkTo, text } from '../../../test/support/html.ts'

describe.each(testDatabases())('a council’s own health services on $name', (database) => {
  let t: TestApp
  let build: ReturnType<typeof builders>
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    build = builders(t)
  })
  afterAll(() => t?.close())

  it('starts with none, and lets an analyst add one, record its figures and change it', async () => {
    const analyst = await t.as('analyst')
    const empty = (await analyst.get('/waiting-lists')).body
    expect(text(empty)).toContain('No health services have been added yet.')
    expect(linkTo(empty, 'Add a health service')).toBe('/waiting-lists/new')
    expect(linkTo((await t.visitor().get('/waiting-lists')).body, 'Add a health service')).toBeUndefined()

    const service = await build.aHealthService({
      name: 'Child and adolescent mental health services',
      provider: 'Northshire NHS Trust',
      waitsTo: 'first appointment',
    })
    expect(service.url).toBe('/waiting-lists/child-and-adolescent-mental-health-services')
    const page = (await t.visitor().get(service.url)).body
    expect(heading(page)).toBe('Child and adolescent mental health services')
    expect(text(page)).toContain('Waits are counted from referral to first appointment.')
    expect(text((await t.visitor().get('/waiting-lists')).body)).toContain(
      'No waiting-list figures have been recorded yet.',
    )

    const recorded = await analyst.post(`${service.url}/figures`, {
      'month-month': '3',
      'month-year': '2024',
      referralsWaiting: '120',
    })
    expect(recorded.statusCode).toBe(303)
    expect(text((await t.visitor().get('/waiting-lists')).body)).toContain('Waiting lists at the end of March 2024')

    const changed = await analyst.post(`${service.url}/edit`, {
      _version: '1',
      name: 'CAMHS',
      provider: 'Northshire NHS Trust',
      waitsTo: 'first contact',
      position: '',
    })
    expect(changed.statusCode).toBe(303)
    expect(changed.headers.location).toBe(service.url)
    expect(heading((await t.visitor().get(service.url)).body)).toBe('CAMHS')

    const id = (
      await t.db.selectFrom('healthServices').select('id').where('slug', '=', service.slug).executeTakeFirstOrThrow()
    ).id
    const events = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', id)
      .orderBy('at')
      .execute()
    expect(events.map((e) => e.action)).toEqual([
      'added health service',
      'recorded waiting-list figures for March 2024',
      'changed health service',
    ])
  })

  it('lists services by position, a new one last unless given one', async () => {
    await build.aHealthService({ name: 'Occupational therapy' })
    await build.aHealthService({ name: 'Audiology', position: '0' })
    const names = text((await t.visitor().get('/waiting-lists')).body)
    expect(names.indexOf('Audiology')).toBeLessThan(names.indexOf('Occupational therapy'))
  })

  it('says what is missing or wrong beside the fields, and refuses a name already taken', async () => {
    const analyst = await t.as('analyst')
    const blank = await analyst.post('/waiting-lists', { name: '  ', position: 'last' })
    expect(blank.statusCode).toBe(400)
    expect(errorSummary(blank.body)).toEqual([
      'Enter the name of the service',
      'Enter the position as a whole number, like 3',
    ])
    const long = await analyst.post('/waiting-lists', { name: 'Physiotherapy', provider: 'x'.repeat(121) })
    expect(fieldError(long.body, 'provider')).toContain('Must be 120 characters or fewer')
    await build.aHealthService({ name: 'Speech and language therapy' })
    const again = await analyst.post('/waiting-lists', { name: 'Speech and Language Therapy' })
    expect(again.statusCode).toBe(400)
    expect(fieldError(again.body, 'name')).toContain('There is already a health service with this name')
  })

  it('refuses members, officers and the scrutiny officer, and sends the public to sign in', async () => {
    const service = await build.aHealthService()
    for (const role of ['member', 'officer', 'scrutiny_officer'] as TestRole[]) {
      const agent = await t.as(role)
      expect((await agent.get('/waiting-lists/new')).statusCode, role).toBe(403)
      expect((await agent.get(`${service.url}/edit`)).statusCode, role).toBe(403)
      expect((await agent.post('/waiting-lists', { name: `Sneaky ${role}` })).statusCode, role).toBe(403)
    }
    const signedOut = await t.visitor().post('/waiting-lists', { name: 'Sneaky' })
    expect(signedOut.statusCode).toBe(303)
    expect(await t.db.selectFrom('healthServices').select('id').where('name', 'like', 'Sneaky%').execute()).toEqual([])
  })
})
