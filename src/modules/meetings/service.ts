import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { readOnce } from '#src/platform/request-reads.ts'
import type { MeetingsReads } from './request-reads.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { pageCount } from '#src/platform/http/pagination.ts'
import { longDateWithDay } from '#src/platform/views/filters.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import { mayReadExempt } from '#src/platform/exemption/readers.ts'
import { meetingSlug } from './meeting-slug.ts'
import { isVenueChange } from './venue-change.ts'
import { mayReadAgenda } from './agenda/visibility.ts'
import type { SupplementRow } from './agenda/supplement-repository.ts'
import { agendaItemForViewer } from './redaction.ts'
import type { MeetingRow, MeetingsRepository } from './repository.ts'
import type { MeetingForm, NewMeetingForm } from './schema.ts'
import type { AttendanceCapacity, AttendanceStatus, MinutesStatus } from './tables.ts'

export const PAST_MEETINGS_PER_PAGE = 20

/** Splits meetings into upcoming (today or later, soonest first) and past (latest first). */
export function splitByDate<T extends { date: string }>(meetings: T[], today: string) {
  return {
    upcoming: meetings.filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date)),
    past: meetings.filter((m) => m.date < today).sort((a, b) => b.date.localeCompare(a.date)),
  }
}

/**
 * What meetings ask of the minutes module, which owns the minutes: whether a viewer has minutes to
 * read, whether an item is where earlier minutes were approved, and who is in a meeting's attendance
 * (motions are moved and seconded by them).
 */
export interface MinutesOfMeetings {
  minutesSummary(ctx: Context, meeting: { id: string; slug: string }): Promise<{ status: MinutesStatus } | null>
  itemApprovesMinutes(ctx: Context, itemId: string): Promise<boolean>
  attendeesOf(
    ctx: Context,
    meetingId: string,
  ): Promise<{ personId: string; name: string; slug: string; there: boolean }[]>
  /** The meeting's attendance, each person named as the minutes name them: who may vote comes from it. */
  namedAttendance(ctx: Context, meetingId: string): Promise<NamedAttendee[]>
  /** Once the minutes are published, these items' minutes and resolutions, by item id. */
  itemMinutesOf(ctx: Context, meetingId: string, itemIds: string[]): Promise<Record<string, ItemMinutes>>
}

/** An item's minute and resolutions, shown under it on the meeting page. */
export interface ItemMinutes {
  minuteNumber: string | null
  minute: string
  resolutions: { id: string; text: string; tracked: { href: string; text: string } | null }[]
}

/** Someone in a meeting's attendance, with their name as the minutes print it. */
export interface NamedAttendee {
  personId: string | null
  name: string
  capacity: AttendanceCapacity
  status: AttendanceStatus
  substituteForId: string | null
  chaired: boolean
}

export interface MeetingsDeps {
  db: Db
  repository: MeetingsRepository
  clock: Clock
  bodies: BodiesService
  /** The minutes module's service, made after this one because it writes items' minutes through it. */
  minutes: () => MinutesOfMeetings
  /** The council's publication notice of agendas, in clear working days (a council setting). */
  publicationNotice: (ctx: Context) => Promise<number>
  /** What the module's services read alike, kept alike (request-reads.ts). */
  reads: MeetingsReads
}

export function createMeetingsService(deps: MeetingsDeps) {
  const { db, repository: repo, clock, bodies, minutes } = deps

  const { agendaItemsOf, bodyMeetingsOf, meetingPageBySlug, venueChangesOf } = deps.reads

  /**
   * The agenda as this viewer may see it: none while it is a draft they may not see; exempt items they
   * may not read show their title and paragraph only.
   */
  async function agendaFor(
    ctx: Context,
    meeting: Omit<MeetingRow, 'bodyName' | 'bodySlug'>,
    supplements: SupplementRow[],
  ) {
    if (!mayReadAgenda(ctx.user, meeting)) return []
    const [items, readable] = await Promise.all([agendaItemsOf(ctx, meeting.id), bodies.exemptReadableBodyIds(ctx)])
    const mayRead = mayReadExempt(readable, meeting.bodyId)
    return items.map((item) => ({
      ...agendaItemForViewer(item, item.report, mayRead),
      supplement: supplements.find((supplement) => supplement.id === item.supplementId) ?? null,
    }))
  }

  /** A body's meetings, split into upcoming and past by the app's today. */
  function meetingsOfBody(ctx: Context, bodyId: string) {
    // Read once a request: the body page and its sections each ask for the body's meetings.
    return readOnce(ctx, `meetings split:${bodyId}`, async () =>
      splitByDate(
        (await bodyMeetingsOf(ctx, bodyId)).map((row) => row.meeting),
        clock.today(),
      ),
    )
  }

  return {
    meetingsOfBody,

    /**
     * One of a body's meetings (from the body's meetings, read once a request) with its agenda as this
     * viewer may see it: for the body page's "Next meeting", which needs neither minutes nor supplements.
     * Throws NotFoundError.
     */
    async bodyMeetingAgenda(ctx: Context, bodyId: string, slug: string) {
      const { upcoming, past } = await meetingsOfBody(ctx, bodyId)
      const meeting = [...upcoming, ...past].find((m) => m.slug === slug)
      if (!meeting) throw new NotFoundError('Meeting')
      return { meeting, items: await agendaFor(ctx, meeting, []) }
    },

    /**
     * Every meeting (or one body's), optionally within dates (inclusive), latest first, with the body's name
     * and slug.
     */
    async listMeetings(_ctx: Context, filter: { bodyId?: string; from?: string; to?: string } = {}) {
      return repo.listMeetings(filter)
    },

    /** Every meeting (or one body's), split into upcoming and past. */
    async calendar(_ctx: Context, filter: { bodyId?: string } = {}) {
      return splitByDate(await repo.listMeetings(filter), clock.today())
    },

    /**
     * The meetings page: every upcoming meeting and one page of past ones, of every body or of the
     * body with `bodySlug` (NotFoundError when there is none). A page past the last shows the last.
     */
    async calendarPage(ctx: Context, options: { bodySlug?: string; page: number }) {
      const allBodies = await bodies.listBodies(ctx)
      const body = options.bodySlug ? allBodies.find((b) => b.slug === options.bodySlug) : undefined
      if (options.bodySlug && !body) throw new NotFoundError('Body')
      const today = clock.today()
      const upcoming = await repo.listMeetings({ bodyId: body?.id, from: today })
      const first = await repo.pastMeetings({ bodyId: body?.id, today, limit: PAST_MEETINGS_PER_PAGE, offset: 0 })
      const page = Math.min(options.page, pageCount(first.total, PAST_MEETINGS_PER_PAGE))
      const past =
        page === 1
          ? first
          : await repo.pastMeetings({
              bodyId: body?.id,
              today,
              limit: PAST_MEETINGS_PER_PAGE,
              offset: (page - 1) * PAST_MEETINGS_PER_PAGE,
            })
      return {
        bodies: allBodies,
        body: body ?? null,
        upcoming: splitByDate(upcoming, today).upcoming,
        past: past.rows,
        pastTotal: past.total,
        page,
        pageSize: PAST_MEETINGS_PER_PAGE,
      }
    },

    /**
     * A meeting with its body, its agenda as this viewer may see it (none while a draft to them; exempt
     * items redacted for those who may not read the body's exempt papers), and whether its minutes are
     * there to read, and its supplementary agendas. Throws NotFoundError.
     */
    async getMeeting(ctx: Context, slug: string) {
      const page = await meetingPageBySlug(ctx, slug)
      if (!page) throw new NotFoundError('Meeting')
      const { meeting, venueChanges } = page
      // Supplements follow a published agenda, so whoever may read it may read them.
      const supplements = mayReadAgenda(ctx.user, meeting) ? page.supplements : []
      const [items, summary] = await Promise.all([
        agendaFor(ctx, meeting, supplements),
        minutes().minutesSummary(ctx, meeting),
      ])
      const agendaReadable = mayReadAgenda(ctx.user, meeting)
      const readableIds = items.filter((item) => !item.withheld).map((item) => item.id)
      // The minutes under each item, once published (the separate minutes page is kept for printing).
      const itemMinutes = summary ? await minutes().itemMinutesOf(ctx, meeting.id, readableIds) : {}
      return { meeting, items, minutes: summary, itemMinutes, venueChanges, supplements, agendaReadable }
    },

    /**
     * The agenda items of these meetings with their addresses, for other pages to link to: those the
     * meetings' agendas show this viewer (none from a draft agenda they may not see), in one query.
     */
    async agendaItemLinks(ctx: Context, meetingIds: string[]) {
      const rows = await repo.itemLinksOfMeetings([...new Set(meetingIds)])
      return rows
        .filter((row) => mayReadAgenda(ctx.user, row))
        .map((row) => ({
          id: row.id,
          href: `/meetings/${row.slug}#item-${row.position}`,
          number: row.number,
          title: row.title,
        }))
    },

    /** A meeting (with its body's name and slug) by id, without its agenda. Throws NotFoundError. */
    async getMeetingById(_ctx: Context, id: string) {
      const meeting = await repo.findMeetingById(id)
      if (!meeting) throw new NotFoundError('Meeting')
      return meeting
    },

    /** Schedules a meeting. Its address is its date and body, "-2" and on when that is taken. */
    async createMeeting(ctx: Context, input: NewMeetingForm) {
      assertCan(ctx.user, 'meetings:edit')
      const body = await bodies.getBodyById(ctx, input.bodyId)
      if (!input.confirmSameDay && (await repo.bodyMeetsOn(body.id, input.date)))
        throw new RuleError(
          `${body.name} already has a meeting on ${longDateWithDay(input.date)}. Tick the box to add another on the same day, or change the date`,
          'confirmSameDay',
        )
      const { confirmSameDay: _confirmed, ...fields } = input
      const base = meetingSlug(input.date, body.slug)
      const slug = meetingSlug(input.date, body.slug, await repo.slugsLike(base))
      return withTransaction(db, async (trx) => {
        // A new meeting's agenda is a draft (agendaPublishedOn null) until it is published.
        const meeting = await repo.insertMeeting(trx, { ...fields, slug, status: 'scheduled', notes: '' })
        await recordAudit(trx, ctx, {
          action: 'created meeting',
          subjectType: 'meeting',
          subjectId: meeting.id,
          after: meeting,
        })
        return meeting
      })
    },

    /**
     * Changes a meeting's date, time, venue, status (with the reason when cancelled or postponed) or
     * notes; its address stays the same. A change of an announced venue is kept, with its reason and
     * date, in the same transaction. Refused
     * (EditConflictError) unless the meeting is still at `version`, the one the form was opened at.
     */
    async updateMeeting(ctx: Context, id: string, version: number | null, input: MeetingForm) {
      assertCan(ctx.user, 'meetings:edit')
      const before = await repo.findMeetingById(id)
      if (!before) throw new NotFoundError('Meeting')
      const { venueChangeReason, ...meeting } = input
      return withTransaction(db, async (trx) => {
        const after = await writeAtVersion(
          trx,
          { what: 'This meeting', subjectType: 'meeting', expected: version },
          (at) => repo.updateMeeting(trx, id, at, meeting),
          () => repo.findMeetingById(id, trx),
        )
        await recordAudit(trx, ctx, { action: 'updated meeting', subjectType: 'meeting', subjectId: id, before, after })
        if (isVenueChange(before.venue, after.venue)) {
          const change = { meetingId: id, fromVenue: before.venue, toVenue: after.venue, changedOn: clock.today() }
          const recorded = await repo.insertVenueChange(trx, { ...change, reason: venueChangeReason })
          await recordAudit(trx, ctx, {
            action: 'changed venue',
            subjectType: 'meeting',
            subjectId: id,
            after: recorded,
          })
        }
        return after
      })
    },

    /** The meeting's changes of venue, earliest first: public, like its notice. */
    venueChangesOf,
  }
}
