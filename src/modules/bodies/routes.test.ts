import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { errorSummary, heading, text } from '../../../test/support/html.ts'

const committee = '/bodies/children-and-young-peoples-scrutiny-committee'

describe.each(testDatabases())('bodies and people on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database)
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
      const shown = text((await t.visitor().get(committee)).body)
      expect(shown).toContain('Next meeting: Thursday 25 January 2024')
      expect(shown).toContain("8. Children's social care improvement plan progress update")
      // Recommendations 9 and 11 had December 2023 targets and no update: red on 22 January 2024.
      expect(shown).toMatch(/Recommendations needing attention .* 9 To receive an update from Ms Gent .* Red/)
      expect(shown).toMatch(/ 11 .*child death data.* Red/)
      expect(shown).toMatch(/Decisions since the last meeting .*EX48\/2023: Expansion of Highfurlong Special School/)
      expect(shown).toContain('Forward Plan January 2024 to April 2024')
      expect(shown).toMatch(
        /Work programme for the next meetings .*Wednesday 27 March 2024 .*Placement stability for foster carers/,
      )
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
      const slug = /href="\/people\/([^"]+)"[^>]*>[^<]*Gemma Clayton/.exec(people.body)?.[1]
      expect(slug).toBeTruthy()
      const person = await t.visitor().get(`/people/${slug}`)
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
      expect(text(page.body)).toContain('History of changes')
      expect(text(page.body)).toContain('Created body')
    })

    it('explains what is wrong and keeps what was typed', async () => {
      const agent = await t.as('scrutiny_officer')
      const page = await agent.post('/bodies', { name: '', kind: '', remit: 'Kept remit' })
      expect(page.statusCode).toBe(400)
      expect(errorSummary(page.body)).toEqual(['Enter the name of the body', 'Select what kind of body this is'])
      expect(page.body).toContain('Kept remit')
      expect(page.body).toMatch(/<title>Error: /)
    })

    it('adds a member, refusing an end date before the start', async () => {
      const agent = await t.as('scrutiny_officer')
      const form = await agent.get(`${committee}/members/new`)
      const personId = /<option value="([0-9a-f-]{36})"[^>]*>Jo Snape/.exec(form.body)?.[1]
      expect(personId).toBeTruthy()
      const bad = await agent.post(`${committee}/members`, {
        personId,
        role: 'member',
        startsOn: '2024-05-01',
        endsOn: '2024-04-01',
      })
      expect(bad.statusCode).toBe(400)
      expect(errorSummary(bad.body)).toEqual(['End date must be the same as or after the start date'])
      const good = await agent.post(`${committee}/members`, {
        personId,
        role: 'member',
        startsOn: '2023-05-18',
        endsOn: '',
      })
      expect(good.statusCode).toBe(303)
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
      const edited = await agent.post(`${location}/edit`, {
        ...(await agent.versionOf(`${location}/edit`)),
        name: 'Alex Example',
        kind: 'officer',
        jobTitle: 'Director',
      })
      expect(edited.statusCode).toBe(303)
      const page = await agent.get(location)
      expect(text(page.body)).toContain('Director')
      expect(text(page.body)).toContain('Updated person')
      const invalid = await agent.post('/people', { name: 'X', kind: 'officer', email: 'not-an-email' })
      expect(errorSummary(invalid.body)).toEqual([
        'Enter an email address in the correct format, like name@example.org',
      ])
    })
  })
})
