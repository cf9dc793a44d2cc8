import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import { createAuditReader } from '#src/platform/audit/reader.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { createClock } from '#src/platform/clock.ts'
import type { DatabaseHandle } from '#src/platform/db/database.ts'
import { createBodies } from '#src/modules/bodies/index.ts'
import { createMeetings } from '#src/modules/meetings/index.ts'
import { createMinutes } from '#src/modules/meetings/minutes/index.ts'
import { createRecommendations } from '#src/modules/recommendations/index.ts'
import { testDatabases } from '../../test/support/databases.ts'
import { openDemoDatabase } from '../../test/support/demo-database.ts'

const COMMITTEE = 'children-and-young-peoples-scrutiny-committee'

/** The database of the suite that is running. */
let handle: DatabaseHandle<Database>

/** The tracker module's service over the demo, with the clock at `today`. */
function serviceOn(today: string) {
  const db = handle.db
  const clock = createClock(today)
  const audit = createAuditReader(db)
  const page = () => ({
    meetings: { meetingsOfBody: async () => ({ upcoming: [], past: [] }) },
    sections: [],
    personSections: [],
  })
  const bodies = createBodies({ db, clock, audit, page })
  const meetings = createMeetings({ db, clock, audit, bodies: bodies.service, minutes: () => minutes.service })
  const minutes = createMinutes({ db, clock, audit, bodies: bodies.service, meetings: meetings.service })
  return createRecommendations({ db, clock, audit, bodies: bodies.service, minutes: minutes.service }).service
}

const ctx = systemContext('test')

async function ragsOn(today: string) {
  const tracker = await serviceOn(today).trackerOf(ctx, COMMITTEE)
  return Object.fromEntries(tracker.recommendations.map((r) => [r.number, r.rag.rag]))
}

describe.each(testDatabases())('the demo recommendations tracker (Appendix 10(b)) on $name', (database) => {
  beforeAll(async () => {
    handle = await openDemoDatabase(database)
  })

  afterAll(async () => {
    await handle?.close()
  })

  it('has the eleven recommendations with the paper’s dates, targets and officers', async () => {
    const { recommendations } = await serviceOn('2024-01-22').trackerOf(ctx, COMMITTEE)
    expect(recommendations.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'])
    expect(recommendations.map((r) => [r.madeOn, r.targetDate, r.responsibleOfficer?.name ?? null])).toEqual([
      ['2021-12-09', null, 'Victoria Gent'],
      ['2022-12-08', '2024-04-30', null],
      ['2023-06-22', '2024-01-31', null],
      ['2023-09-21', '2024-03-31', 'Chris Coyle'],
      ['2023-09-21', null, 'Joanne Stewart'],
      ['2023-09-21', '2024-09-30', 'Victoria Gent'],
      ['2023-11-09', '2024-11-30', 'Annette Algie'],
      ['2023-11-09', '2024-01-31', null],
      ['2023-11-09', '2023-12-31', 'Victoria Gent'],
      ['2023-11-09', '2024-07-31', 'Victoria Gent'],
      ['2023-11-09', '2023-12-31', 'Victoria Gent'],
    ])
    expect(recommendations.filter((r) => r.status === 'complete').map((r) => r.number)).toEqual(['7'])
    expect(recommendations.filter((r) => r.updates.length === 0).map((r) => r.number)).toEqual(['9', '10', '11'])
  })

  it('on 22 January 2024 shows red for the December targets with no update, amber and green for those not yet due', async () => {
    expect(await ragsOn('2024-01-22')).toEqual({
      '1': 'target date needed',
      '2': 'green',
      '3': 'amber',
      '4': 'green',
      '5': 'target date needed',
      '6': 'green',
      '7': 'complete',
      '8': 'green',
      '9': 'red',
      '10': 'green',
      '11': 'red',
    })
  })

  it('turns the spring targets red once the clock passes them', async () => {
    const rags = await ragsOn('2024-06-01')
    expect(rags).toMatchObject({ '2': 'red', '3': 'red', '4': 'red', '8': 'red', '6': 'green', '10': 'green' })
    expect(rags['7']).toBe('complete')
  })

  it('links the 2023 recommendations to their resolutions in the demo minutes', async () => {
    const service = serviceOn('2024-01-22')
    const { recommendations } = await service.trackerOf(ctx, COMMITTEE)
    const sources = await Promise.all(
      recommendations.map(async (r) => {
        const { source } = await service.getRecommendation(ctx, r.id)
        return source
          ? `${source.meeting.date} item ${source.item?.number} resolution ${source.resolutionNumber}`
          : null
      }),
    )
    expect(sources).toEqual([
      null,
      null,
      null,
      '2023-09-21 item 6 resolution 1',
      '2023-09-21 item 7 resolution 1',
      '2023-09-21 item 8 resolution 1',
      '2023-11-09 item 7 resolution 1',
      '2023-11-09 item 10 resolution 1',
      '2023-11-09 item 10 resolution 2',
      '2023-11-09 item 10 resolution 3',
      '2023-11-09 item 11 resolution 1',
    ])
  })

  it('gives the body page what needs attention before a meeting: red, or due by then', async () => {
    const service = serviceOn('2024-01-22')
    const body = await handle.db
      .selectFrom('bodies')
      .select('id')
      .where('slug', '=', COMMITTEE)
      .executeTakeFirstOrThrow()
    const numbers = async (byDate: string) =>
      (await service.needingAttention(ctx, body.id, byDate)).map((r) => r.number)
    expect(await numbers('2024-01-25')).toEqual(['9', '11'])
    expect(await numbers('2024-03-27')).toEqual(['3', '8', '9', '11'])
  })

  it('keeps the updates short and in the scrutiny team’s name', async () => {
    const updates = await handle.db
      .selectFrom('recommendationUpdates')
      .select(['authorName', 'text', 'authorUserId'])
      .execute()
    expect(updates).toHaveLength(8)
    for (const update of updates) {
      expect(update.text.length).toBeLessThan(120)
      expect(update).toMatchObject({ authorName: 'Sharon Davis', authorUserId: null })
    }
  })
})
