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
  /** A read of one record's, by its id or address, kept as every read here is. */
  const byKey = <T>(name: string, read: (key: string) => Promise<T>, keep = kept.keep) =>
    readsUntilChanged(name, (_ctx, key: string) => read(key), { ...options, keep })
  return {
    /** A meeting by its address, with its body (repository's findMeetingBySlug); undefined when there is none. */
    meetingBySlug: byKey('meeting', (slug) => repo.findMeetingBySlug(slug)),
    /** The meeting page's meeting with its supplements and changes of venue (findMeetingPageBySlug). */
    meetingPageBySlug: byKey('meeting page', (slug) => repo.findMeetingPageBySlug(slug)),
    /** The item at a position on a meeting's agenda, for its papers' pages; undefined when there is none. */
    itemAt: readsUntilChanged(
      'agenda item',
      (_ctx, meetingId: string, position: number) => repo.findItemAt(meetingId, position),
      kept,
    ),
    /** An agenda item's report, undefined when it has none; and a report's appendices, in order. */
    reportOfItem: byKey('report', (itemId) => reports.findReportOfItem(itemId)),
    appendicesOf: byKey('appendices', (reportId) => reports.appendicesOf(reportId)),
    /** The documents of a meeting's agenda items, each viewer's share decided after (item-documents/view.ts). */
    documentsOf: byKey('item documents', (meetingId) => documents.documentsOfMeeting(meetingId)),
    /** A meeting's published papers, latest first, withdrawn ones too (who may read each is decided after). */
    papersOf: byKey('published papers', (meetingId) => packs.papersOf(meetingId)),
    /** A meeting's supplements and changes of venue, for the open data (its page has them with the meeting). */
    supplementsOf: byKey('supplements', (meetingId) => supplements.supplementsOf(meetingId)),
    venueChangesOf: byKey('venue changes', (meetingId) => repo.venueChangesOf(meetingId)),
    /** A meeting's public questions and speakers: the questions and speakers services both want them. */
    publicPartsOf: byKey('public parts', (meetingId) => readPublicParts(db, meetingId)),
    /**
     * A meeting's agenda items with their reports' summaries: the meeting page's agenda and its votes
     * (to withhold those under exempt items) both want them.
     */
    agendaItemsOf: byKey('agenda items', (meetingId) => repo.itemsWithReportsOfMeeting(meetingId)),
    /**
     * A body's meetings with the counts of the public's part in each (repository's meetingsOfBody):
     * the body page, its sections and its participation count want them.
     */
    bodyMeetingsOf: byKey('meetings of body', (bodyId) => repo.meetingsOfBody(bodyId), 50),
  }
}

export type MeetingsReads = ReturnType<typeof meetingsReads>
