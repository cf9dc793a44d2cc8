import type { Db } from '#src/database.ts'

const meetingColumns = [
  'meetings.id',
  'meetings.slug',
  'meetings.bodyId',
  'meetings.date',
  'meetings.startTime',
  'meetings.venue',
  'meetings.status',
  'meetings.notes',
] as const

export function createMeetingsRepository(db: Db) {
  return {
    meetingsOfBody(bodyId: string) {
      return db.selectFrom('meetings').select(meetingColumns).where('bodyId', '=', bodyId).orderBy('date', 'desc').execute()
    },
    /** Meetings with their body's name, optionally within dates (inclusive), latest first. */
    listMeetings(filter: { bodyId?: string; from?: string; to?: string }) {
      let query = db
        .selectFrom('meetings')
        .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
        .select([...meetingColumns, 'bodies.name as bodyName', 'bodies.slug as bodySlug'])
      if (filter.bodyId) query = query.where('meetings.bodyId', '=', filter.bodyId)
      if (filter.from) query = query.where('meetings.date', '>=', filter.from)
      if (filter.to) query = query.where('meetings.date', '<=', filter.to)
      return query.orderBy('meetings.date', 'desc').orderBy('meetings.startTime').execute()
    },
  }
}

export type MeetingsRepository = ReturnType<typeof createMeetingsRepository>
