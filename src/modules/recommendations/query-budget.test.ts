import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'

const slug = 'children-and-young-peoples-scrutiny-committee'

/**
 * The statements a lookup sends the database, held to a number the demo data meets, so that a
 * service going back to walking every meeting's minutes (one query each, more every year) fails here.
 */
describe.each(testDatabases())('queries the tracker sends on $name', (database) => {
  let t: TestApp

  beforeAll(async () => {
    t = await startTestApp(database)
  })
  afterAll(() => t?.close())

  // The session, the tracker's own record of the resolution, the resolution in the minutes, its body.
  it('finds a resolution to track in at most 4 queries, however old its meeting', async () => {
    const agent = await t.as('scrutiny_officer')
    // The oldest minuted meeting's untracked resolution: the last a walk through the minutes would reach.
    const { id } = await t.db
      .selectFrom('resolutions')
      .innerJoin('agendaItems', 'agendaItems.id', 'resolutions.agendaItemId')
      .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
      .innerJoin('minutes', 'minutes.meetingId', 'meetings.id')
      .leftJoin('recommendations', 'recommendations.resolutionId', 'resolutions.id')
      .select('resolutions.id')
      .where('recommendations.id', 'is', null)
      .where('minutes.status', '!=', 'draft')
      .orderBy('meetings.date')
      .orderBy('agendaItems.position')
      .limit(1)
      .executeTakeFirstOrThrow()
    const { result, queries } = await t.queries.count(() => agent.get(`/resolutions/${id}/track`))
    expect(result.statusCode).toBe(303)
    expect(result.headers.location).toBe(`/bodies/${slug}/recommendations/new?resolution=${id}`)
    expect(queries).toBeLessThanOrEqual(4)
  })

  // The recommendation, its updates, its officer, its body, its source in the minutes; the session.
  it('shows a recommendation with its source in the minutes in at most 6 queries', async () => {
    const { id } = await t.db
      .selectFrom('recommendations')
      .select('id')
      .where('number', '=', '8')
      .executeTakeFirstOrThrow()
    const agent = await t.as('member')
    const { result, queries } = await t.queries.count(() => agent.get(`/recommendations/${id}`))
    expect(result.body).toContain(`href="/meetings/2023-11-09-${slug}/minutes#item-10"`)
    expect(queries).toBeLessThanOrEqual(6)
  })

  // The session, the recommendation, then BEGIN, the update, its audit event, COMMIT.
  it('takes the responsible officer’s update in at most 6 queries', async () => {
    const agent = await t.as('officer')
    const { id } = await t.db
      .selectFrom('recommendations')
      .select('id')
      .where('number', '=', '4')
      .executeTakeFirstOrThrow()
    const { result, queries } = await t.queries.count(() =>
      agent.post(`/recommendations/${id}/updates`, {
        'on-day': '22',
        'on-month': '1',
        'on-year': '2024',
        text: 'The panel met again.',
      }),
    )
    expect(result.statusCode).toBe(303)
    expect(queries).toBeLessThanOrEqual(6)
    const page = await agent.get(`/recommendations/${id}`)
    expect(page.body).toContain('The panel met again.')
  })
})
