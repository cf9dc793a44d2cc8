import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builders } from '../../../test/support/builders/index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import { confirmation, errorSummary, fieldError, linkTo, table, text } from '../../../test/support/html.ts'

const indicator = (code: string, indicatorGroup: string) => ({
  name: `Children on a plan (${code})`,
  code,
  indicatorGroup,
  unit: 'count',
  polarity: 'lower is better',
  decimals: '0',
  tolerance: '5',
  published: 'yes',
})

describe.each(testDatabases())('a council’s own indicator groups on $name', (database) => {
  let t: TestApp
  let build: ReturnType<typeof builders>
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    build = builders(t)
  })
  afterAll(() => t?.close())

  it('starts with none, and lets an analyst add groups, put indicators in them, rename and reorder them', async () => {
    const analyst = await t.as('analyst')
    const empty = (await analyst.get('/outcomes/groups')).body
    expect(text(empty)).toContain('No indicator groups have been added yet.')
    expect(linkTo((await analyst.get('/outcomes')).body, 'Indicator groups')).toBe('/outcomes/groups')

    const safe = await build.anIndicatorGroup({ name: 'Children are safe' })
    const learning = await build.anIndicatorGroup({ name: 'Children learn well' })
    expect((await analyst.post('/outcomes', indicator('S1', safe.key))).statusCode).toBe(303)
    expect((await analyst.post('/outcomes', indicator('L1', learning.key))).statusCode).toBe(303)
    const headings = () =>
      t
        .visitor()
        .get('/outcomes')
        .then((page) => text(page.body))
    let shown = await headings()
    expect(shown.indexOf('Children are safe')).toBeLessThan(shown.indexOf('Children learn well'))

    const moved = await analyst.post(`/outcomes/groups/${learning.id}/edit`, {
      _version: '1',
      name: 'Children learn and achieve',
      position: '0',
    })
    expect(moved.statusCode).toBe(303)
    expect(moved.headers.location).toBe('/outcomes/groups')
    expect(confirmation((await analyst.get('/outcomes/groups')).body)).toBe('Group updated')
    shown = await headings()
    expect(shown.indexOf('Children learn and achieve')).toBeLessThan(shown.indexOf('Children are safe'))
    expect(text((await t.visitor().get('/outcomes/L1')).body)).toContain('Children learn and achieve')
    expect(
      table((await analyst.get('/outcomes/groups')).body)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['Children learn and achieve', 'Children are safe'])

    const events = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', learning.id)
      .orderBy('at')
      .execute()
    expect(events.map((e) => e.action)).toEqual(['added indicator group', 'changed indicator group'])
  })

  it('says what is missing or wrong beside the fields, refuses a name already taken and a group that does not exist', async () => {
    const analyst = await t.as('analyst')
    const blank = await analyst.post('/outcomes/groups', { name: '', position: 'top' })
    expect(blank.statusCode).toBe(400)
    expect(errorSummary(blank.body)).toEqual(['Enter the group’s name', 'Enter the position as a whole number, like 3'])
    const long = await analyst.post('/outcomes/groups', { name: 'x'.repeat(201) })
    expect(fieldError(long.body, 'name')).toContain('The name must be 200 characters or fewer')
    await build.anIndicatorGroup({ name: 'Enablers' })
    const again = await analyst.post('/outcomes/groups', { name: 'enablers' })
    expect(again.statusCode).toBe(400)
    expect(fieldError(again.body, 'name')).toContain('There is already a group with this name')
    const nowhere = await analyst.post('/outcomes', indicator('X1', 'no such group'))
    expect(nowhere.statusCode).toBe(400)
    expect(fieldError(nowhere.body, 'indicatorGroup')).toContain('Select the group the indicator belongs to')
  })

  it('refuses members, officers and the scrutiny officer, and sends the public to sign in', async () => {
    const group = await build.anIndicatorGroup()
    for (const role of ['member', 'officer', 'scrutiny_officer'] as TestRole[]) {
      const agent = await t.as(role)
      for (const url of ['/outcomes/groups', '/outcomes/groups/new', `/outcomes/groups/${group.id}/edit`])
        expect((await agent.get(url)).statusCode, `${role} ${url}`).toBe(403)
      expect((await agent.post('/outcomes/groups', { name: `Sneaky ${role}` })).statusCode, role).toBe(403)
    }
    const signedOut = await t.visitor().post('/outcomes/groups', { name: 'Sneaky' })
    expect(signedOut.statusCode).toBe(303)
    expect(await t.db.selectFrom('indicatorGroups').select('id').where('name', 'like', 'Sneaky%').execute()).toEqual([])
  })
})
