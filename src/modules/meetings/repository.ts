import { type Insertable, sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { fromJsonRows, jsonRows, selectJsonRows } from '#src/platform/db/json-rows.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import type { SupplementRow } from './agenda/supplement-repository.ts'
import type { ReportSummaryRecord } from './redaction.ts'
import type { AgendaItemsTable, MeetingType, MeetingVenueChangesTable, MeetingsTable } from './tables.ts'

type Reader = Db | Trx

/** A change of a meeting's venue, as its page shows it (venueChangesOf). */
type VenueChange = { fromVenue: string; toVenue: string; changedOn: string; reason: string }

export type MeetingInput = Pick<
  MeetingsTable,
  'slug' | 'bodyId' | 'date' | 'startTime' | 'endTime' | 'venue' | 'status' | 'notes'
> & {
  statusReason?: string
  type?: MeetingType
  contact?: string
  webcastUrl?: string | null
}
export type AgendaItemInput = Omit<
  Insertable<AgendaItemsTable>,
  'id' | 'meetingId' | 'position' | 'minute' | 'minuteNumber' | 'search' | 'addedAfterPublication' | 'supplementId'
>

const meetingColumns = [
  'meetings.id',
  'meetings.slug',
  'meetings.bodyId',
  'meetings.date',
  'meetings.startTime',
  'meetings.endTime',
  'meetings.venue',
  'meetings.type',
  'meetings.contact',
  'meetings.webcastUrl',
  'meetings.status',
  'meetings.statusReason',
  'meetings.notes',
  'meetings.agendaPublishedOn',
  'meetings.agendaLateReason',
  'meetings.version',
] as const

const itemColumns = [
  'agendaItems.id',
  'agendaItems.meetingId',
  'agendaItems.number',
  'agendaItems.position',
  'agendaItems.minuteNumber',
  'agendaItems.urgent',
  'agendaItems.urgentReason',
  'agendaItems.status',
  'agendaItems.statusReason',
  'agendaItems.toFollow',
  'agendaItems.addedAfterPublication',
  'agendaItems.supplementId',
  'agendaItems.publicParticipation',
  'agendaItems.noRequestsToSpeak',
  'agendaItems.title',
  'agendaItems.purpose',
  'agendaItems.pageFrom',
  'agendaItems.pageTo',
  'agendaItems.exemptParagraph',
  'agendaItems.exemptReason',
  'agendaItems.exemptReviewOn',
] as const

/** Queries for meetings and their agenda items. No decisions here. */
export function createMeetingsRepository(db: Db) {
  function meetingsWithBody(trx: Reader = db) {
    return trx
      .selectFrom('meetings')
      .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
      .select([...meetingColumns, 'bodies.name as bodyName', 'bodies.slug as bodySlug'])
  }

  return {
    /**
     * The body's meetings, latest first, each with what the body page's count of the public's part
     * needs: its minutes' status (who may read its motions) and how many public questions and motions
     * it has.
     */
    async meetingsOfBody(bodyId: string) {
      // Ten years of a committee are a hundred meetings or so: read as JSON (selectJsonRows).
      const query = db
        .selectFrom('meetings')
        .leftJoin('minutes', 'minutes.meetingId', 'meetings.id')
        .select(meetingColumns)
        .select((eb) => [
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
      const rows = await selectJsonRows(db, query, sql`listed.date desc`)
      return rows.map(({ minutesStatus, questions, motions, ...meeting }) => ({
        meeting,
        participation: {
          date: meeting.date,
          agendaPublishedOn: meeting.agendaPublishedOn,
          minutesStatus,
          questions: Number(questions ?? 0),
          motions: Number(motions ?? 0),
        },
      }))
    },

    /** Meetings with their body's name, optionally within dates (inclusive), latest first. */
    listMeetings(filter: { bodyId?: string; from?: string; to?: string }) {
      let query = meetingsWithBody()
      if (filter.bodyId) query = query.where('meetings.bodyId', '=', filter.bodyId)
      if (filter.from) query = query.where('meetings.date', '>=', filter.from)
      if (filter.to) query = query.where('meetings.date', '<=', filter.to)
      return query.orderBy('meetings.date', 'desc').orderBy('meetings.startTime').execute()
    },

    /** Meetings before `today`, latest first, a page at a time, with how many there are in all. */
    async pastMeetings(filter: { bodyId?: string; today: string; limit: number; offset: number }) {
      let query = db
        .selectFrom('meetings')
        .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
        .where('meetings.date', '<', filter.today)
      if (filter.bodyId) query = query.where('meetings.bodyId', '=', filter.bodyId)
      const [{ total }, rows] = await Promise.all([
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        query
          .select([...meetingColumns, 'bodies.name as bodyName', 'bodies.slug as bodySlug'])
          .orderBy('meetings.date', 'desc')
          .orderBy('meetings.startTime')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
      ])
      return { total, rows }
    },

    findMeetingBySlug(slug: string, trx: Reader = db) {
      return meetingsWithBody(trx).where('meetings.slug', '=', slug).executeTakeFirst()
    },

    /**
     * A meeting with what its page shows beside the agenda, in one query: its supplementary agendas
     * (supplementsOf) and its changes of venue (venueChangesOf).
     */
    async findMeetingPageBySlug(slug: string) {
      const row = await meetingsWithBody(db)
        .select([
          jsonRows(
            sql`select id, meeting_id, number, published_on, title, note from agenda_supplements
              where meeting_id = meetings.id`,
            sql`listed.number`,
          ).as('supplements'),
          jsonRows(
            sql`select from_venue, to_venue, changed_on, reason, created_at from meeting_venue_changes
              where meeting_id = meetings.id`,
            sql`listed.created_at`,
          ).as('venueChanges'),
        ])
        .where('meetings.slug', '=', slug)
        .executeTakeFirst()
      if (!row) return undefined
      const { supplements, venueChanges, ...meeting } = row
      return {
        meeting,
        supplements: fromJsonRows<SupplementRow>(supplements),
        venueChanges: fromJsonRows<VenueChange & { createdAt?: unknown }>(venueChanges).map(
          ({ createdAt: _createdAt, ...change }) => change,
        ),
      }
    },

    findMeetingById(id: string, trx: Reader = db) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return meetingsWithBody(trx).where('meetings.id', '=', id).executeTakeFirst()
    },

    /** Whether the body already has a meeting on `date`. */
    async bodyMeetsOn(bodyId: string, date: string) {
      const row = await db
        .selectFrom('meetings')
        .select('id')
        .where('bodyId', '=', bodyId)
        .where('date', '=', date)
        .executeTakeFirst()
      return Boolean(row)
    },

    /** Slugs that start with `base`, to find the next free one. */
    async slugsLike(base: string) {
      const rows = await db.selectFrom('meetings').select('slug').where('slug', 'like', `${base}%`).execute()
      return rows.map((row) => row.slug)
    },

    insertMeeting(trx: Trx, input: MeetingInput) {
      return trx.insertInto('meetings').values(input).returning(meetingColumns).executeTakeFirstOrThrow()
    },

    /** Changes the meeting if it is still at `version`; undefined when it is not. */
    updateMeeting(trx: Trx, id: string, version: number, input: Omit<MeetingInput, 'slug' | 'bodyId'>) {
      return trx
        .updateTable('meetings')
        .set({ ...input, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(meetingColumns)
        .executeTakeFirst()
    },

    /**
     * Publishes the agenda on `on` with the reason it is late ('' when it is not). Undefined when it
     * was already published: publishing twice would rewrite the date the public was told.
     */
    publishAgenda(trx: Trx, id: string, publication: { on: string; lateReason: string }) {
      return trx
        .updateTable('meetings')
        .set({ agendaPublishedOn: publication.on, agendaLateReason: publication.lateReason })
        .where('id', '=', id)
        .where('agendaPublishedOn', 'is', null)
        .returning(meetingColumns)
        .executeTakeFirst()
    },

    insertVenueChange(trx: Trx, change: Insertable<MeetingVenueChangesTable>) {
      return trx.insertInto('meetingVenueChanges').values(change).returningAll().executeTakeFirstOrThrow()
    },

    /** The meeting's changes of venue, earliest first. */
    venueChangesOf(meetingId: string) {
      return db
        .selectFrom('meetingVenueChanges')
        .select(['fromVenue', 'toVenue', 'changedOn', 'reason'])
        .where('meetingId', '=', meetingId)
        .orderBy('createdAt')
        .execute()
    },

    /** Where the item's papers sit in the agenda pack as published. */
    async setItemPages(trx: Trx, itemId: string, pages: { from: number; to: number }) {
      await trx
        .updateTable('agendaItems')
        .set({ pageFrom: pages.from, pageTo: pages.to })
        .where('id', '=', itemId)
        .execute()
    },

    /** The agenda items of these meetings, with each meeting's address and whether its agenda is published. */
    itemLinksOfMeetings(meetingIds: string[]) {
      if (meetingIds.length === 0) return Promise.resolve([])
      return db
        .selectFrom('agendaItems')
        .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
        .select([
          'agendaItems.id',
          'agendaItems.position',
          'agendaItems.number',
          'agendaItems.title',
          'meetings.slug',
          'meetings.agendaPublishedOn',
        ])
        .where('agendaItems.meetingId', 'in', meetingIds)
        .orderBy('agendaItems.position')
        .execute()
    },

    itemsOfMeeting(meetingId: string, trx: Reader = db) {
      return trx
        .selectFrom('agendaItems')
        .select(itemColumns)
        .where('meetingId', '=', meetingId)
        .orderBy('position')
        .execute()
    },

    /** The meeting's agenda items, each with its report's summary (reportSummaries) when it has one, in one query. */
    async itemsWithReportsOfMeeting(meetingId: string) {
      const rows = await db
        .selectFrom('agendaItems')
        .select(itemColumns)
        .select(
          jsonRows(
            sql`select agenda_item_id, title, exempt_paragraph, exempt_reason, exempt_review_on from reports
              where reports.agenda_item_id = agenda_items.id`,
            sql`listed.title`,
          ).as('reports'),
        )
        .where('meetingId', '=', meetingId)
        .orderBy('position')
        .execute()
      return rows.map(({ reports, ...item }) => ({
        ...item,
        report: fromJsonRows<ReportSummaryRecord>(reports)[0],
      }))
    },

    /** The item at `position` on the meeting's agenda. */
    findItemAt(meetingId: string, position: number, trx: Reader = db) {
      return trx
        .selectFrom('agendaItems')
        .select(itemColumns)
        .where('meetingId', '=', meetingId)
        .where('position', '=', position)
        .executeTakeFirst()
    },

    /** The item numbered `number` on the meeting's agenda (numbers are unique within an agenda). */
    findItemNumbered(meetingId: string, number: string, trx: Reader = db) {
      return trx
        .selectFrom('agendaItems')
        .select(itemColumns)
        .where('meetingId', '=', meetingId)
        .where('number', '=', number)
        .executeTakeFirst()
    },

    findItemById(id: string, trx: Reader = db) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return trx.selectFrom('agendaItems').select(itemColumns).where('id', '=', id).executeTakeFirst()
    },

    /** Holds the meeting's row until the transaction ends, so that changes to its agenda's order queue. */
    async lockAgenda(trx: Trx, meetingId: string) {
      await trx.selectFrom('meetings').select('id').where('id', '=', meetingId).forUpdate().execute()
    },

    /** Adds the item after the agenda's last one; the agenda is locked so that two added at once take two places. */
    async insertItem(trx: Trx, meetingId: string, input: AgendaItemInput, addedAfterPublication = false) {
      await this.lockAgenda(trx, meetingId)
      const last = await trx
        .selectFrom('agendaItems')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('meetingId', '=', meetingId)
        .executeTakeFirst()
      return trx
        .insertInto('agendaItems')
        .values({
          ...input,
          meetingId,
          position: Number(last?.position ?? 0) + 1,
          minute: '',
          addedAfterPublication,
        })
        .returning(itemColumns)
        .executeTakeFirstOrThrow()
    },

    /** Swaps two items' places, in two steps, because (meeting, position) is unique at every moment. */
    async swapPositions(trx: Trx, a: { id: string; position: number }, b: { id: string; position: number }) {
      await trx.updateTable('agendaItems').set({ position: -1 }).where('id', '=', a.id).execute()
      await trx.updateTable('agendaItems').set({ position: a.position }).where('id', '=', b.id).execute()
      return trx
        .updateTable('agendaItems')
        .set({ position: b.position })
        .where('id', '=', a.id)
        .returning(itemColumns)
        .executeTakeFirstOrThrow()
    },

    updateItem(trx: Trx, id: string, input: AgendaItemInput) {
      return trx
        .updateTable('agendaItems')
        .set(input)
        .where('id', '=', id)
        .returning(itemColumns)
        .executeTakeFirstOrThrow()
    },

    /** The item's report has arrived: it is no longer to follow. */
    async reportArrived(trx: Trx, id: string) {
      await trx.updateTable('agendaItems').set({ toFollow: false }).where('id', '=', id).execute()
    },

    /** Writes what the minutes say of an item, and the minute's own number. */
    updateItemMinute(trx: Trx, id: string, input: { minute: string; minuteNumber: string | null }) {
      return trx
        .updateTable('agendaItems')
        .set(input)
        .where('id', '=', id)
        .returning([...itemColumns, 'agendaItems.minute'])
        .executeTakeFirstOrThrow()
    },

    /** The title and exemption of each item's report, for the agenda. */
    reportSummaries(itemIds: string[]) {
      if (itemIds.length === 0) return Promise.resolve([])
      return db
        .selectFrom('reports')
        .select(['agendaItemId', 'title', 'exemptParagraph', 'exemptReason', 'exemptReviewOn'])
        .where('agendaItemId', 'in', itemIds)
        .execute()
    },

    /** Removes an item with its report, appendices and documents, and the files only those held. */
    async deleteItem(trx: Trx, id: string) {
      const documents = await trx
        .selectFrom('appendices')
        .innerJoin('reports', 'reports.id', 'appendices.reportId')
        .select('appendices.documentId')
        .where('reports.agendaItemId', '=', id)
        .where('appendices.documentId', 'is not', null)
        .unionAll(
          trx
            .selectFrom('itemDocuments')
            .select('itemDocuments.documentId')
            .where('itemDocuments.agendaItemId', '=', id)
            .where('itemDocuments.documentId', 'is not', null),
        )
        .execute()
      await trx.deleteFrom('agendaItems').where('id', '=', id).execute()
      const ids = documents
        .map((row) => row.documentId)
        .filter((documentId): documentId is string => documentId !== null)
      if (ids.length) await trx.deleteFrom('documents').where('id', 'in', ids).execute()
    },
  }
}

export type MeetingsRepository = ReturnType<typeof createMeetingsRepository>
export type MeetingRow = NonNullable<Awaited<ReturnType<MeetingsRepository['findMeetingBySlug']>>>
export type AgendaItemRow = NonNullable<Awaited<ReturnType<MeetingsRepository['findItemById']>>>
