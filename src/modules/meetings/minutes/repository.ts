import { type Insertable as KyselyInsertable, type Selectable, type Updateable, sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { fromJsonRows, jsonRows } from '#src/platform/db/json-rows.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import type {
  AgendaItemsTable,
  AttendanceTable,
  DeclarationsTable,
  MinutesTable,
  MinutesVersionsTable,
  ResolutionsTable,
} from '../tables.ts'

type Reader = Db | Trx
type Insertable<T> = Omit<T, 'id'>
export type AttendanceInput = Omit<Insertable<AttendanceTable>, 'position' | 'meetingId'>
export type MinutesChange = Omit<Updateable<MinutesTable>, 'meetingId'>

const meetingColumns = [
  'meetings.id',
  'meetings.slug',
  'meetings.bodyId',
  'meetings.date',
  'meetings.startTime',
  'meetings.endTime',
  'meetings.type',
  'meetings.contact',
  'meetings.webcastUrl',
  'meetings.venue',
  'meetings.status',
  'meetings.statusReason',
  'meetings.agendaPublishedOn',
  'meetings.agendaLateReason',
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
  'agendaItems.supplementId',
  'agendaItems.publicParticipation',
  'agendaItems.noRequestsToSpeak',
  'agendaItems.title',
  'agendaItems.purpose',
  'agendaItems.pageFrom',
  'agendaItems.pageTo',
  'agendaItems.minute',
  'agendaItems.exemptParagraph',
] as const

/** An agenda item as the minutes read it (itemColumns). */
type MinutedItem = Pick<
  Selectable<AgendaItemsTable>,
  (typeof itemColumns)[number] extends `agendaItems.${infer Column}` ? Column : never
>

/** An agenda item a declaration concerns. */
interface DeclaredItem {
  id: string
  number: string
  position: number
  title: string
}

/** The agenda items each declaration concerns, in agenda order, as a column of `declarations`' rows. */
const declaredItems = sql<DeclaredItem[]>`(
  select coalesce(json_agg(json_build_object(
    'id', agenda_items.id, 'number', agenda_items.number, 'position', agenda_items.position, 'title', agenda_items.title
  ) order by agenda_items.position), '[]')
  from declaration_items join agenda_items on agenda_items.id = declaration_items.agenda_item_id
  where declaration_items.declaration_id = declarations.id)`

/** Declarations of the whole meeting first, then in agenda order. */
function inAgendaOrder<T extends { items: DeclaredItem[] }>(rows: T[]) {
  const first = (row: T) => row.items[0]?.position ?? -Infinity
  return rows.sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0))
}

type DeclarationWithItems = Selectable<DeclarationsTable> & { items: DeclaredItem[] }

/** Queries for minutes and the meetings and agenda items they record. No decisions here. */
export function createMinutesRepository(db: Db) {
  function itemsOfMeetings(meetingIds: string[], trx: Reader = db) {
    if (meetingIds.length === 0) return Promise.resolve([])
    return trx
      .selectFrom('agendaItems')
      .select(itemColumns)
      .where('meetingId', 'in', meetingIds)
      .orderBy('meetingId')
      .orderBy('position')
      .execute()
  }

  return {
    itemsOfMeetings,
    findMeetingBySlug(slug: string) {
      return db.selectFrom('meetings').select(meetingColumns).where('slug', '=', slug).executeTakeFirst()
    },
    findMeetingById(id: string, trx: Reader = db) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return trx.selectFrom('meetings').select(meetingColumns).where('id', '=', id).executeTakeFirst()
    },
    /** Meetings with their minutes' status, optionally one body's and within dates (inclusive), soonest first. */
    listMeetings(filter: { bodyId?: string; from?: string; to?: string }) {
      let query = db
        .selectFrom('meetings')
        .leftJoin('minutes', 'minutes.meetingId', 'meetings.id')
        .select([...meetingColumns, 'minutes.status as minutesStatus'])
      if (filter.bodyId) query = query.where('meetings.bodyId', '=', filter.bodyId)
      if (filter.from) query = query.where('meetings.date', '>=', filter.from)
      if (filter.to) query = query.where('meetings.date', '<=', filter.to)
      return query.orderBy('meetings.date').orderBy('meetings.startTime').orderBy('meetings.slug').execute()
    },
    /** A body's meetings after a date with their agenda items, soonest first. */
    async meetingsOfBodyAfter(bodyId: string, date: string) {
      const meetings = await db
        .selectFrom('meetings')
        .select(meetingColumns)
        .where('bodyId', '=', bodyId)
        .where('date', '>', date)
        .orderBy('date')
        .execute()
      const items = await itemsOfMeetings(meetings.map((meeting) => meeting.id))
      return meetings.map((meeting) => ({ ...meeting, items: items.filter((item) => item.meetingId === meeting.id) }))
    },

    findItemById(id: string, trx: Reader = db) {
      return trx.selectFrom('agendaItems').select(itemColumns).where('id', '=', id).executeTakeFirst()
    },

    findMinutes(meetingId: string, trx: Reader = db) {
      return trx.selectFrom('minutes').selectAll().where('meetingId', '=', meetingId).executeTakeFirst()
    },
    /**
     * A meeting's minutes (undefined when none were started) with what they record: their kept drafts,
     * the agenda items, the attendance, the declarations with their items, and the resolutions under its agenda items.
     * One query, where each list took its own.
     */
    async recordOf(meetingId: string) {
      const row = isUuid(meetingId)
        ? await db
            .selectFrom('meetings')
            .leftJoin('minutes', 'minutes.meetingId', 'meetings.id')
            .selectAll('minutes')
            .select([
              jsonRows(
                sql`select id, published_at, replaced_on from minutes_versions where meeting_id = ${meetingId}`,
                sql`listed.replaced_on, listed.published_at`,
              ).as('versions'),
              jsonRows(
                sql`select ${sql.join(itemColumns.map((column) => sql.ref(column)))} from agenda_items
                  where meeting_id = ${meetingId}`,
                sql`listed.position`,
              ).as('items'),
              jsonRows(
                sql`select * from attendance where meeting_id = ${meetingId}`,
                sql`listed.position, listed.id`,
              ).as('attendance'),
              jsonRows(
                sql`select declarations.*, ${declaredItems} as items from declarations where meeting_id = ${meetingId}`,
                sql`listed.id`,
              ).as('declarations'),
              jsonRows(
                sql`select resolutions.* from resolutions
                  join agenda_items on agenda_items.id = resolutions.agenda_item_id
                  where agenda_items.meeting_id = ${meetingId}`,
                sql`listed.agenda_item_id, listed.number`,
              ).as('resolutions'),
            ])
            .where('meetings.id', '=', meetingId)
            .executeTakeFirst()
        : undefined
      if (!row)
        return { minutes: undefined, versions: [], items: [], attendance: [], declarations: [], resolutions: [] }
      const { versions, items, attendance, declarations, resolutions, ...minutes } = row
      return {
        minutes: minutes.meetingId === null ? undefined : (minutes as Selectable<MinutesTable>),
        versions: fromJsonRows<{ id: string; publishedAt: string; replacedOn: string }>(versions).map((version) => ({
          ...version,
          publishedAt: new Date(version.publishedAt),
        })),
        items: fromJsonRows<MinutedItem>(items),
        attendance: fromJsonRows<Selectable<AttendanceTable>>(attendance),
        declarations: inAgendaOrder(fromJsonRows<DeclarationWithItems>(declarations)),
        resolutions: fromJsonRows<Selectable<ResolutionsTable>>(resolutions),
      }
    },
    /** The minutes of the meeting, locked until the transaction ends, so their status is read once. */
    lockMinutes(trx: Trx, meetingId: string) {
      return trx.selectFrom('minutes').selectAll().where('meetingId', '=', meetingId).forUpdate().executeTakeFirst()
    },
    /** Whether some meeting's minutes were approved under this agenda item. */
    async approvedAtItem(itemId: string) {
      if (!isUuid(itemId)) return false
      const row = await db
        .selectFrom('minutes')
        .select('meetingId')
        .where('approvedAtItemId', '=', itemId)
        .executeTakeFirst()
      return Boolean(row)
    },
    insertMinutes(trx: Trx, meetingId: string) {
      return trx
        .insertInto('minutes')
        .values({ meetingId, status: 'draft', noDeclarations: false, approvalAmendment: '' })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    updateMinutes(trx: Trx, meetingId: string, change: MinutesChange) {
      return trx
        .updateTable('minutes')
        .set(change)
        .where('meetingId', '=', meetingId)
        .returningAll()
        .executeTakeFirstOrThrow()
    },

    attendanceOf(meetingId: string, trx: Reader = db) {
      return trx
        .selectFrom('attendance')
        .selectAll()
        .where('meetingId', '=', meetingId)
        .orderBy('position')
        .orderBy('id')
        .execute()
    },
    async insertAttendance(trx: Trx, meetingId: string, rows: AttendanceInput[]) {
      if (rows.length === 0) return []
      const { last } = await trx
        .selectFrom('attendance')
        .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(-1)).as('last'))
        .where('meetingId', '=', meetingId)
        .executeTakeFirstOrThrow()
      const values = rows.map((row, index) => ({ ...row, meetingId, position: Number(last) + 1 + index }))
      return trx.insertInto('attendance').values(values).returningAll().execute()
    },
    updateAttendance(trx: Trx, id: string, row: AttendanceInput) {
      return trx.updateTable('attendance').set(row).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
    },
    deleteAttendance(trx: Trx, id: string) {
      return trx.deleteFrom('attendance').where('id', '=', id).execute()
    },

    /** A meeting's declarations with the agenda items each concerns (none: the whole meeting), in agenda order. */
    async declarationsOf(meetingId: string, trx: Reader = db) {
      const rows = await trx
        .selectFrom('declarations')
        .selectAll()
        .select(declaredItems.as('items'))
        .where('meetingId', '=', meetingId)
        .orderBy('id')
        .execute()
      return inAgendaOrder(rows)
    },
    /** Someone's declarations at every meeting, with the meeting and the status of its minutes, latest first. */
    async declarationsOfPerson(personId: string) {
      if (!isUuid(personId)) return []
      const rows = await db
        .selectFrom('declarations')
        .innerJoin('meetings', 'meetings.id', 'declarations.meetingId')
        .innerJoin('minutes', 'minutes.meetingId', 'meetings.id')
        .selectAll('declarations')
        .select(declaredItems.as('items'))
        .select([
          'meetings.slug as meetingSlug',
          'meetings.date as meetingDate',
          'meetings.bodyId',
          'minutes.status as minutesStatus',
        ])
        .where('declarations.personId', '=', personId)
        .orderBy('meetings.date', 'desc')
        .orderBy('declarations.id')
        .execute()
      return inAgendaOrder(rows)
    },
    /** Someone's attendance at every meeting with minutes, with the meeting's body and date. */
    attendanceOfPerson(personId: string) {
      if (!isUuid(personId)) return Promise.resolve([])
      return db
        .selectFrom('attendance')
        .innerJoin('meetings', 'meetings.id', 'attendance.meetingId')
        .innerJoin('minutes', 'minutes.meetingId', 'meetings.id')
        .select([
          'attendance.status',
          'attendance.capacity',
          'meetings.id as meetingId',
          'meetings.bodyId',
          'meetings.date',
          'minutes.status as minutesStatus',
        ])
        .where('attendance.personId', '=', personId)
        .orderBy('meetings.date')
        .execute()
    },
    async insertDeclaration(trx: Trx, row: Insertable<DeclarationsTable>, itemIds: string[]) {
      const declaration = await trx.insertInto('declarations').values(row).returningAll().executeTakeFirstOrThrow()
      if (itemIds.length) {
        await trx
          .insertInto('declarationItems')
          .values(itemIds.map((agendaItemId) => ({ declarationId: declaration.id, agendaItemId })))
          .execute()
      }
      return { ...declaration, itemIds }
    },
    deleteDeclaration(trx: Trx, id: string) {
      return trx.deleteFrom('declarations').where('id', '=', id).execute()
    },

    findVersion(meetingId: string, id: string) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return db
        .selectFrom('minutesVersions')
        .selectAll()
        .where('meetingId', '=', meetingId)
        .where('id', '=', id)
        .executeTakeFirst()
    },
    insertVersion(trx: Trx, row: KyselyInsertable<MinutesVersionsTable>) {
      return trx.insertInto('minutesVersions').values(row).returningAll().executeTakeFirstOrThrow()
    },

    resolutionsOfItems(itemIds: string[], trx: Reader = db) {
      if (itemIds.length === 0) return Promise.resolve([])
      return trx
        .selectFrom('resolutions')
        .selectAll()
        .where('agendaItemId', 'in', itemIds)
        .orderBy('agendaItemId')
        .orderBy('number')
        .execute()
    },
    /** A resolution with its agenda item, its meeting and the status of that meeting's minutes, in one query. */
    findResolutionInMinutes(id: string) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return db
        .selectFrom('resolutions')
        .innerJoin('agendaItems', 'agendaItems.id', 'resolutions.agendaItemId')
        .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
        .innerJoin('minutes', 'minutes.meetingId', 'meetings.id')
        .select([
          'resolutions.id',
          'resolutions.number',
          'resolutions.text',
          'agendaItems.id as itemId',
          'agendaItems.number as itemNumber',
          'agendaItems.position as itemPosition',
          'agendaItems.title as itemTitle',
          'agendaItems.exemptParagraph',
          'meetings.id as meetingId',
          'meetings.slug as meetingSlug',
          'meetings.date as meetingDate',
          'meetings.bodyId',
          'minutes.status as minutesStatus',
        ])
        .where('resolutions.id', '=', id)
        .executeTakeFirst()
    },
    /**
     * A meeting with the status of its minutes, and with one of its agenda items and a resolution of
     * that item when their ids are given (null columns when they are not, or are not of it): one query.
     */
    findMeetingSource(meetingId: string, itemId: string | null, resolutionId: string | null) {
      if (!isUuid(meetingId)) return Promise.resolve(undefined)
      const item = itemId && isUuid(itemId) ? itemId : null
      const resolution = resolutionId && isUuid(resolutionId) ? resolutionId : null
      return db
        .selectFrom('meetings')
        .leftJoin('minutes', 'minutes.meetingId', 'meetings.id')
        .leftJoin('agendaItems', (join) =>
          join.onRef('agendaItems.meetingId', '=', 'meetings.id').on('agendaItems.id', '=', item),
        )
        .leftJoin('resolutions', (join) =>
          join.onRef('resolutions.agendaItemId', '=', 'agendaItems.id').on('resolutions.id', '=', resolution),
        )
        .select([
          'meetings.id',
          'meetings.slug',
          'meetings.date',
          'meetings.bodyId',
          'minutes.status as minutesStatus',
          'agendaItems.id as itemId',
          'agendaItems.number as itemNumber',
          'agendaItems.position as itemPosition',
          'agendaItems.title as itemTitle',
          'agendaItems.exemptParagraph',
          'resolutions.id as resolutionId',
          'resolutions.number as resolutionNumber',
        ])
        .where('meetings.id', '=', meetingId)
        .executeTakeFirst()
    },
    findResolution(id: string, trx: Reader = db) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return trx.selectFrom('resolutions').selectAll().where('id', '=', id).executeTakeFirst()
    },
    insertResolution(trx: Trx, agendaItemId: string, number: number, text: string) {
      return trx
        .insertInto('resolutions')
        .values({ agendaItemId, number, text })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    updateResolutionText(trx: Trx, id: string, text: string) {
      return trx.updateTable('resolutions').set({ text }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
    },
    deleteResolution(trx: Trx, id: string) {
      return trx.deleteFrom('resolutions').where('id', '=', id).execute()
    },
    /** Sets new numbers in two steps, because (item, number) is unique at every moment. */
    async setResolutionNumbers(trx: Trx, agendaItemId: string, numbers: { id: string; number: number }[]) {
      for (const { id, number } of numbers) {
        await trx.updateTable('resolutions').set({ number: -number }).where('id', '=', id).execute()
      }
      for (const { id, number } of numbers) {
        await trx
          .updateTable('resolutions')
          .set({ number })
          .where('id', '=', id)
          .where('agendaItemId', '=', agendaItemId)
          .execute()
      }
    },
  }
}

export type MinutesRepository = ReturnType<typeof createMinutesRepository>
export type MeetingRow = NonNullable<Awaited<ReturnType<MinutesRepository['findMeetingBySlug']>>>
export type ItemRow = NonNullable<Awaited<ReturnType<MinutesRepository['findItemById']>>>
export type MinutesRow = NonNullable<Awaited<ReturnType<MinutesRepository['findMinutes']>>>
export type AttendanceRow = Awaited<ReturnType<MinutesRepository['attendanceOf']>>[number]
export type DeclarationRow = Awaited<ReturnType<MinutesRepository['declarationsOf']>>[number]
export type ResolutionRow = Awaited<ReturnType<MinutesRepository['resolutionsOfItems']>>[number]
