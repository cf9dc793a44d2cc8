import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { type MeetingRecord, builders } from '../../../test/support/builders/index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { errorSummary, summaryList, texts } from '../../../test/support/html.ts'
import { json } from '../../../test/support/json.ts'

interface ApiVenueChange {
  from: string
  to: string | null
  changedOn: string
  reason: string | null
}

/** A meeting's venue, once announced, is not silently replaced: the public sees it moved. */
describe.each(testDatabases())('changes of venue on $name', (database) => {
  let t: TestApp
  let scrutiny: Agent
  let meeting: MeetingRecord

  const changeVenue = async (venue: string, venueChangeReason = '', agent: Agent = scrutiny) =>
    agent.post(`${meeting.url}/edit`, { ...(await scrutiny.openForm(`${meeting.url}/edit`)), venue, venueChangeReason })
  const shownChanges = async () => texts((await t.visitor().get(meeting.url)).body, '.app-venue-change')
  const apiChanges = async () =>
    json<{ venueChanges: ApiVenueChange[] }>(await t.visitor().get(`/api/v1/meetings/${meeting.id}`)).venueChanges

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    meeting = await builders(t).aMeeting(await builders(t).aBody(), { date: '2024-02-08' })
  })
  afterAll(() => t?.close())

  it('records nothing when the venue is first given', async () => {
    expect((await changeVenue('Committee Room A, Town Hall')).statusCode).toBe(303)
    expect(await shownChanges()).toEqual([])
    expect(await apiChanges()).toEqual([])
  })

  it('keeps the old venue when it changes, with the date and reason, for the public and the open data', async () => {
    const reason = 'Committee Room A is needed for the count'
    expect((await changeVenue('Council Chamber, Town Hall', reason)).statusCode).toBe(303)
    const page = await t.visitor().get(meeting.url)
    expect(summaryList(page.body).Venue).toBe('Council Chamber, Town Hall')
    expect(await shownChanges()).toEqual([
      `Venue changed from Committee Room A, Town Hall on 22 January 2024: ${reason}`,
    ])
    expect(await apiChanges()).toEqual([
      { from: 'Committee Room A, Town Hall', to: 'Council Chamber, Town Hall', changedOn: '2024-01-22', reason },
    ])
    const events = await t.db
      .selectFrom('auditEvents')
      .select('after')
      .where('subjectId', '=', meeting.id)
      .where('action', '=', 'changed venue')
      .execute()
    expect(events.map((event) => event.after)).toEqual([
      expect.objectContaining({ fromVenue: 'Committee Room A, Town Hall', toVenue: 'Council Chamber, Town Hall' }),
    ])
  })

  it('keeps each change, a reason being optional, and records nothing when the venue stays', async () => {
    expect((await changeVenue('Council Chamber, Town Hall', 'No change really')).statusCode).toBe(303)
    expect((await changeVenue('')).statusCode).toBe(303)
    expect(await shownChanges()).toHaveLength(2)
    expect((await shownChanges())[1]).toBe('Venue changed from Council Chamber, Town Hall on 22 January 2024')
    expect((await apiChanges())[1]).toEqual({
      from: 'Council Chamber, Town Hall',
      to: null,
      changedOn: '2024-01-22',
      reason: null,
    })
  })

  it('checks the reason, and refuses the change to anyone who may not edit meetings', async () => {
    const tooLong = await changeVenue('The Grand Theatre', 'x'.repeat(2_001))
    expect(tooLong.statusCode).toBe(400)
    expect(errorSummary(tooLong.body)).toEqual(['Must be 2,000 characters or fewer'])
    expect((await changeVenue('The Grand Theatre', '', await t.as('member'))).statusCode).toBe(403)
    expect(await shownChanges()).toHaveLength(2)
  })
})
