import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type PersonRecord, builders } from '../../../test/support/builders/index.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import {
  confirmation,
  errorSummary,
  formFields,
  forms,
  heading,
  linkTo,
  section,
  table,
  text,
  title,
} from '../../../test/support/html.ts'

const committee = '/bodies/children-and-young-peoples-scrutiny-committee'

describe.each(testDatabases())('bodies and people on $name', (database) => {
  let t: TestApp
  let joSnape: PersonRecord
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    const build = builders(t)
    const scrutiny = await build.aBody({ name: "Children and Young People's Scrutiny Committee" })
    await build.aBody({ name: "Resilient Communities and Children's Scrutiny Committee" })
    const chair = await build.aPerson({ name: 'Paul Burdess', honorific: 'Councillor' })
    const coOptee = await build.aPerson({
      name: 'Gemma Clayton',
      honorific: 'Ms',
      kind: 'co-opted member',
      email: 'gemma.clayton@example.org',
    })
    joSnape = await build.aPerson({ name: 'Jo Snape', honorific: 'Ms', kind: 'co-opted member' })
    await build.aMembership(scrutiny, chair, { role: 'chair' })
    await build.aMembership(scrutiny, coOptee, { role: 'co-opted member' })

    const november = await build.aMeeting(scrutiny, { date: '2023-11-09', status: 'held' })
    const january = await build.aMeeting(scrutiny, { date: '2024-01-25' })
    const march = await build.aMeeting(scrutiny, { date: '2024-03-27' })
    await build.anAgendaItem(january, { number: 8, title: "Children's social care improvement plan progress update" })
    await build.aRecommendation(scrutiny, {
      number: '9',
      meeting: november,
      text: 'To receive an update from Ms Gent on the recruitment of social workers.',
      targetDate: '2023-12-31',
    })
    await build.aRecommendation(scrutiny, {
      number: '11',
      meeting: november,
      text: 'To receive the child death data for Blackpool.',
      targetDate: '2023-12-31',
    })
    await build.aRecommendation(scrutiny, { number: '12', meeting: november, targetDate: '2024-06-30' })

    const executive = await build.aBody({ name: 'Executive', kind: 'executive' })
    const benson = await build.aPerson({
      name: 'Kath Benson',
      honorific: 'Councillor',
      jobTitle: 'Cabinet Member for Young People and Aspiration',
    })
    await build.aMembership(executive, benson)
    await build.aDecision({
      number: 'EX48/2023',
      title: 'Expansion of Highfurlong Special School phase two',
      taker: benson,
      decidedOn: '2023-12-11',
    })
    const plan = await build.aForwardPlan({
      title: 'Forward Plan January 2024 to April 2024',
      periodFrom: '2024-01-01',
      periodTo: '2024-04-30',
    })
    await build.aForwardPlanItem(plan, { reference: '16/2023', anticipated: '2024-01' })
    await build.aWorkProgrammeItem(scrutiny, { title: 'Placement stability for foster carers', meeting: march })
  })
  afterAll(() => t?.close())

  describe('public pages', () => {
    it('lists the committees', async () => {
      const page = await t.visitor().get('/bodies')
      expect(page.statusCode).toBe(200)
      expect(text(page.body)).toContain("Children and Young People's Scrutiny Committee")
      expect(page.body).not.toContain('Add a body')
    })

    it('shows the committee with its chair, members, co-optees and meetings', async () => {
      const page = await t.visitor().get(committee)
      expect(page.statusCode).toBe(200)
      expect(heading(page.body)).toBe("Children and Young People's Scrutiny Committee")
      const shown = text(page.body)
      expect(shown).toContain('Gemma Clayton')
      expect(shown).toContain('Co-opted member')
      expect(shown).toMatch(/Upcoming .*Thursday 25 January 2024/)
      expect(shown).toMatch(/Past .*Thursday 9 November 2023/)
      expect(page.body).not.toContain('History of changes')
      expect(page.body).not.toContain('Change details')
    })

    it('puts what a councillor needs before the next meeting on one screen', async () => {
      const page = (await t.visitor().get(committee)).body
      const next = section(page, 'Next meeting:')
      expect(text(next)).toContain('Next meeting: Thursday 25 January 2024')
      expect(text(next)).toContain("8. Children's social care improvement plan progress update")
      // Recommendations 9 and 11 had December 2023 targets and no update: red on 22 January 2024.
      // Recommendation 12 is due after the next meeting, so it does not need attention yet.
      const attention = table(section(page, 'Recommendations needing attention'))
      expect(attention.slice(1).map(([number, , , rag]) => [number, rag])).toEqual([
        ['9', 'Red'],
        ['11', 'Red'],
      ])
      expect(attention[1][1]).toContain('To receive an update from Ms Gent')
      expect(attention[2][1]).toContain('child death data')
      expect(text(section(page, 'Decisions since the last meeting'))).toContain(
        'EX48/2023: Expansion of Highfurlong Special School',
      )
      expect(text(section(page, 'Forward plan'))).toContain('Forward Plan January 2024 to April 2024')
      const programme = section(page, 'Work programme for the next meetings')
      expect(text(section(programme, 'Wednesday 27 March 2024'))).toContain('Placement stability for foster carers')
    })

    it('shows no "before the meeting" sections for a body with no meeting ahead', async () => {
      const page = await t.visitor().get('/bodies/resilient-communities-and-childrens-scrutiny-committee')
      expect(page.statusCode).toBe(200)
      expect(text(page.body)).not.toContain('Recommendations needing attention')
      expect(text(page.body)).toContain('No upcoming meetings are scheduled.')
    })

    it('answers 404 for a body that does not exist', async () => {
      const page = await t.visitor().get('/bodies/no-such-committee')
      expect(page.statusCode).toBe(404)
      expect(heading(page.body)).toBe('Page not found')
    })

    it('shows a person and the bodies they sit on, without their email address', async () => {
      const people = await t.visitor().get('/people')
      expect(people.statusCode).toBe(200)
      const href = linkTo(people.body, 'Gemma Clayton')
      expect(href).toMatch(/^\/people\//)
      const person = await t.visitor().get(href!)
      expect(person.statusCode).toBe(200)
      expect(text(person.body)).toContain("Children and Young People's Scrutiny Committee")
      expect(person.body).not.toContain('@')
    })
  })

  describe('editing, by role', () => {
    it.each(['member', 'officer', 'analyst'] as const)('refuses the add-a-body form to a %s', async (role) => {
      const agent = await t.as(role)
      expect((await agent.get('/bodies/new')).statusCode).toBe(403)
      const post = await agent.post('/bodies', { name: 'Shadow committee', kind: 'committee' })
      expect(post.statusCode).toBe(403)
    })

    it('sends the public to sign in', async () => {
      const page = await t.visitor().get('/bodies/new')
      expect(page.statusCode).toBe(303)
      expect(page.headers.location).toBe('/sign-in?returnTo=%2Fbodies%2Fnew')
    })

    it.each(['scrutiny_officer', 'admin'] as const)('lets a %s add a body, then records who did it', async (role) => {
      const agent = await t.as(role)
      expect((await agent.get('/bodies/new')).statusCode).toBe(200)
      const name = `Corporate parenting panel ${role}`
      const created = await agent.post('/bodies', { name, kind: 'panel', remit: 'Looks after children in care.' })
      expect(created.statusCode).toBe(303)
      const page = await agent.get(created.headers.location as string)
      expect(heading(page.body)).toBe(name)
      expect(confirmation(page.body)).toBe('Body added')
      expect(text(page.body)).toContain('History of changes')
      expect(text(page.body)).toContain('Created body')
    })

    it('explains what is wrong and keeps what was typed', async () => {
      const agent = await t.as('scrutiny_officer')
      const page = await agent.post('/bodies', { name: '', kind: '', remit: 'Kept remit' })
      expect(page.statusCode).toBe(400)
      expect(errorSummary(page.body)).toEqual(['Enter the name of the body', 'Select what type of body this is'])
      expect(formFields(page.body, '/bodies').remit).toBe('Kept remit')
      expect(title(page.body)).toMatch(/^Error: /)
    })

    it('adds a member, refusing an end date before the start', async () => {
      const agent = await t.as('scrutiny_officer')
      const form = await agent.get(`${committee}/members/new`)
      const choices = forms(form.body).find((f) => f.action === `${committee}/members`)
      expect(choices?.controls.find((control) => control.name === 'personId')?.options).toContain(joSnape.id)
      const personId = joSnape.id
      const bad = await agent.post(`${committee}/members`, {
        personId,
        role: 'member',
        votingRights: 'all matters',
        startsOn: '2024-05-01',
        endsOn: '2024-04-01',
      })
      expect(bad.statusCode).toBe(400)
      expect(errorSummary(bad.body)).toEqual(['End date must be the same as or after the start date'])
      const good = await agent.post(`${committee}/members`, {
        personId,
        role: 'member',
        votingRights: 'all matters',
        startsOn: '2023-05-18',
        endsOn: '',
      })
      expect(good.statusCode).toBe(303)
      expect(confirmation((await agent.get(good.headers.location as string)).body)).toBe('Member added')
    })

    it('adds and changes a person', async () => {
      const agent = await t.as('admin')
      const created = await agent.post('/people', {
        name: 'Alex Example',
        kind: 'officer',
        jobTitle: 'Head of Service',
      })
      expect(created.statusCode).toBe(303)
      const location = created.headers.location as string
      expect(confirmation((await agent.get(location)).body)).toBe('Person added')
      const edited = await agent.post(`${location}/edit`, {
        ...(await agent.versionOf(`${location}/edit`)),
        name: 'Alex Example',
        kind: 'officer',
        jobTitle: 'Director',
      })
      expect(edited.statusCode).toBe(303)
      const page = await agent.get(location)
      expect(confirmation(page.body)).toBe('Person updated')
      expect(text(page.body)).toContain('Director')
      expect(text(page.body)).toContain('Updated person')
      const invalid = await agent.post('/people', { name: 'X', kind: 'officer', email: 'not-an-email' })
      expect(errorSummary(invalid.body)).toEqual([
        'Enter an email address in the correct format, like name@example.org',
      ])
    })
  })
})
