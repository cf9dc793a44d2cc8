import type { Db } from '#src/database.ts'

/** Queries for the counts of the public's part in a body's meetings. No decisions here. */
export function createParticipationRepository(db: Db) {
  return {
    /**
     * Each meeting of the body with what decides who may read its records (its agenda's
     * publication, its minutes' status) and how many public questions and motions it has.
     */
    async meetingCountsOfBody(bodyId: string) {
      const rows = await db
        .selectFrom('meetings')
        .leftJoin('minutes', 'minutes.meetingId', 'meetings.id')
        .select((eb) => [
          'meetings.date',
          'meetings.agendaPublishedOn',
          'minutes.status as minutesStatus',
          eb
            .selectFrom('publicQuestions')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('publicQuestions.meetingId', '=', 'meetings.id')
            .as('questions'),
          eb
            .selectFrom('motions')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('motions.meetingId', '=', 'meetings.id')
            .as('motions'),
        ])
        .where('meetings.bodyId', '=', bodyId)
        .execute()
      return rows.map((row) => ({ ...row, questions: Number(row.questions ?? 0), motions: Number(row.motions ?? 0) }))
    },
  }
}
