import { readsUntilChanged } from '#src/platform/request-reads.ts'
import type { Db } from '#src/database.ts'
import { createPackRepository } from './agenda/pack-repository.ts'
import { createSupplementRepository } from './agenda/supplement-repository.ts'
import { createItemDocumentsRepository } from './item-documents/repository.ts'
import { readPublicParts } from './public-parts-read.ts'
import type { MeetingsRepository } from './repository.ts'
import { createReportsRepository } from './reports/repository.ts'

/**
 * What several of the meetings module's pages and sections read alike, for everyone (what a viewer
 * may see of it is decided after): read once a request that changes nothing, and, with
 * `acrossRequests`, kept from one such request to the next until the data changes
 * (platform/request-reads.ts). Made once for the module, so that every service shares what is kept.
 */
export function meetingsReads(
  db: Db,
  repo: Pick<
    MeetingsRepository,
    | 'itemsWithReportsOfMeeting'
    | 'meetingsOfBody'
    | 'findMeetingBySlug'
    | 'findMeetingPageBySlug'
    | 'findItemAt'
    | 'venueChangesOf'
  >,
  options: { acrossRequests: boolean },
) {
  const [reports, documents, packs, supplements] = [
    createReportsRepository(db),
    createItemDocumentsRepository(db),
    createPackRepository(db),
    createSupplementRepository(db),
  ]
  const kept = { ...options, keep: 100 }
  return {
    /** A meeting by its address, with its body (repository's findMeetingBySlug); undefined when there is none. */
    meetingBySlug: readsUntilChanged('meeting', (_ctx, slug: string) => repo.findMeetingBySlug(slug), kept),
    /** The meeting page's meeting with its supplements and changes of venue (findMeetingPageBySlug). */
    meetingPageBySlug: readsUntilChanged(
      'meeting page',
      (_ctx, slug: string) => repo.findMeetingPageBySlug(slug),
      kept,
    ),
    /** The item at a position on a meeting's agenda, for its papers' pages; undefined when there is none. */
    itemAt: readsUntilChanged(
      'agenda item',
      (_ctx, meetingId: string, position: number) => repo.findItemAt(meetingId, position),
      kept,
    ),
    /** An agenda item's report, undefined when it has none; and a report's appendices, in order. */
    reportOfItem: readsUntilChanged('report', (_ctx, itemId: string) => reports.findReportOfItem(itemId), kept),
    appendicesOf: readsUntilChanged('appendices', (_ctx, reportId: string) => reports.appendicesOf(reportId), kept),
    /** The documents of a meeting's agenda items, each viewer's share decided after (item-documents/view.ts). */
    documentsOf: readsUntilChanged(
      'item documents',
      (_ctx, meetingId: string) => documents.documentsOfMeeting(meetingId),
      kept,
    ),
    /** A meeting's published papers, latest first, withdrawn ones too (who may read each is decided after). */
    papersOf: readsUntilChanged('published papers', (_ctx, meetingId: string) => packs.papersOf(meetingId), kept),
    /** A meeting's supplements and changes of venue, for the open data (its page has them with the meeting). */
    supplementsOf: readsUntilChanged(
      'supplements',
      (_ctx, meetingId: string) => supplements.supplementsOf(meetingId),
      kept,
    ),
    venueChangesOf: readsUntilChanged(
      'venue changes',
      (_ctx, meetingId: string) => repo.venueChangesOf(meetingId),
      kept,
    ),
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
