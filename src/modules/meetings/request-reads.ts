import { readsUntilChanged } from '#src/platform/request-reads.ts'
import type { Db } from '#src/database.ts'
import type { MeetingsRepository } from './repository.ts'
import { readPublicParts } from './public-parts-read.ts'

/**
 * What several of the meetings module's pages and sections read alike, for everyone (what a viewer
 * may see of it is decided after): read once a request that changes nothing, and, with
 * `acrossRequests`, kept from one such request to the next until the data changes
 * (platform/request-reads.ts). Made once for the module, so that every service shares what is kept.
 */
export function meetingsReads(
  db: Db,
  repo: Pick<MeetingsRepository, 'itemsWithReportsOfMeeting' | 'meetingsOfBody'>,
  options: { acrossRequests: boolean },
) {
  return {
    /** A meeting's public questions and speakers: the questions and speakers services both want them. */
    publicPartsOf: readsUntilChanged('public parts', (_ctx, meetingId: string) => readPublicParts(db, meetingId), {
      ...options,
      keep: 100,
    }),
    /**
     * A meeting's agenda items with their reports' summaries: the meeting page's agenda and its votes
     * (to withhold those under exempt items) both want them.
     */
    agendaItemsOf: readsUntilChanged(
      'agenda items',
      (_ctx, meetingId: string) => repo.itemsWithReportsOfMeeting(meetingId),
      { ...options, keep: 100 },
    ),
    /**
     * A body's meetings with the counts of the public's part in each (repository's meetingsOfBody):
     * the body page, its sections and its participation count want them.
     */
    bodyMeetingsOf: readsUntilChanged('meetings of body', (_ctx, bodyId: string) => repo.meetingsOfBody(bodyId), {
      ...options,
      keep: 50,
    }),
  }
}

export type MeetingsReads = ReturnType<typeof meetingsReads>
