import type { Db } from '#src/database.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { mayReadExempt } from '#src/platform/exemption/readers.ts'
import { isWithheld } from '#src/platform/exemption/redaction.ts'
import { exemptNotice, isExempt } from '#src/platform/exemption/schedule-12a.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from '../index.ts'
import { attendeeName, groupAttendance } from './attendance-groups.ts'
import { attendeesOf } from './attendees.ts'
import { minutesReads } from './request-reads.ts'
import { motionsInMinutes } from './motions-in-minutes.ts'
import { byItem } from '../by-item.ts'
import { createPersonRecord } from './person-record.ts'
import { whatIsMissing } from './publish-readiness.ts'
import { createMinutesRecording } from './recording.ts'
import type { MeetingRow, MinutesRepository, MinutesRow } from './repository.ts'
import { mayReadAgenda } from '../agenda/visibility.ts'
import { mayReadMinutes } from './visibility.ts'
import { createMinutesWorkflow } from './workflow.ts'
import { minutesPaper } from './paper.ts'
import type { Paper } from '#src/platform/papers/paper.ts'
import type { MinutesStatus } from '../tables.ts'

/** Which resolutions the tracker follows: by resolution id, the recommendation's page and its name. */
export type TrackedResolutions = (
  ctx: Context,
  resolutionIds: string[],
) => Promise<Map<string, { href: string; text: string }>>

export interface MinutesDeps {
  /** Which resolutions the tracker follows, with their entries' addresses (the recommendations module's). */
  trackedResolutions?: TrackedResolutions
  db: Db
  repository: MinutesRepository
  clock: Clock
  bodies: BodiesService
  /** The meetings module's service: agenda items are its, their minutes are written through it. */
  meetings: Pick<
    MeetingsService,
    | 'recordItemMinute'
    | 'venueChangesOf'
    | 'supplementsOf'
    | 'questionsOf'
    | 'motionsOf'
    | 'votesOf'
    | 'recordedVotesOf'
    | 'speakersOf'
    | 'questionsFor'
    | 'speakersFor'
    | 'itemDocumentsOf'
    | 'freezeMinutes'
    | 'withdrawMinutesPapers'
    | 'keptMinutes'
  >
  /** The council's name, printed as the author of its papers. */
  councilName?: (ctx: Context) => Promise<string>
  /** Keep what the meeting's pages read alike until the data changes (request-reads.ts). */
  readsAcrossRequests?: boolean
}

/** The address of a meeting's minutes page. */
export const minutesPath = (meetingSlug: string) => `/meetings/${meetingSlug}/minutes`

/** Minutes the public reads: published, or approved at a later meeting. */
const PUBLIC_MINUTES: readonly MinutesStatus[] = ['published', 'approved']

export function createMinutesService(deps: MinutesDeps) {
  const { repository: repo, bodies } = deps
  const reads = minutesReads(repo, { acrossRequests: deps.readsAcrossRequests ?? false })
  const motionsIn = motionsInMinutes(deps.meetings)

  async function approvalOf(minutes: MinutesRow) {
    if (!minutes.approvedAtMeetingId || !minutes.approvedAtItemId) return null
    const [meeting, item] = await Promise.all([
      repo.findMeetingById(minutes.approvedAtMeetingId),
      repo.findItemById(minutes.approvedAtItemId),
    ])
    if (!meeting || !item) return null
    return {
      on: minutes.approvedOn,
      amendment: minutes.approvalAmendment,
      meeting,
      item: { number: item.number, title: item.title },
    }
  }

  /**
   * What the minutes record about the meeting, as this viewer may see it: nothing from minutes they
   * may not see, and no items of an agenda that is a draft to them.
   */
  async function contentsOf(ctx: Context, meeting: MeetingRow, minutes: MinutesRow | null) {
    const [items, readable, recorded, votes] = await Promise.all([
      mayReadAgenda(ctx.user, meeting) ? reads.itemsOf(ctx, meeting.id) : [],
      bodies.exemptReadableBodyIds(ctx),
      minutes ? reads.recordOf(ctx, meeting.id) : undefined,
      minutes ? deps.meetings.votesOf(ctx, meeting.id) : [],
    ])
    const mayReadBody = mayReadExempt(readable, meeting.bodyId)
    const { attendance, declarations } = recorded ?? { attendance: [], declarations: [] }
    // Only the resolutions under the items this viewer is shown.
    const shownIds = new Set(items.map((item) => item.id))
    const resolutions = (recorded?.resolutions ?? []).filter((resolution) => shownIds.has(resolution.agendaItemId))
    const withheldIds = new Set(items.filter((item) => isWithheld([item], mayReadBody)).map((item) => item.id))
    const personIds = [...attendance.map((row) => row.personId), ...declarations.map((row) => row.personId)]
    const people = await bodies.getPeopleByIds(ctx, [...new Set(personIds.filter((id): id is string => Boolean(id)))])
    const personOf = (id: string | null) => people.find((person) => person.id === id)
    const named = attendance.map((row) => ({ ...row, name: attendeeName(personOf(row.personId), row.rawName) }))
    return {
      attendance: named.map((row) => ({
        ...row,
        substituteFor: row.substituteForId
          ? (named.find((other) => other.personId === row.substituteForId)?.name ?? null)
          : null,
        substitutedBy: row.personId
          ? (named.find((other) => other.substituteForId === row.personId)?.name ?? null)
          : null,
      })),
      declarations: declarations.map((row) => ({
        ...row,
        member: attendeeName(personOf(row.personId), ''),
        categoryText: row.category === 'other' ? row.categoryLabel : row.category,
      })),
      items: items.map((item) => {
        const withheld = isWithheld([item], mayReadBody)
        return {
          ...item,
          purpose: withheld ? null : item.purpose,
          exempt: exemptNotice(item),
          withheld,
          minute: minutes && !withheld ? item.minute : null,
          // Like the minute, its number is the draft's until the minutes are published.
          minuteNumber: minutes ? item.minuteNumber : null,
          resolutions: withheld ? [] : resolutions.filter((resolution) => resolution.agendaItemId === item.id),
          votes: withheld ? [] : votes.filter((vote) => vote.agendaItemId === item.id),
        }
      }),
      // Every vote, on motions too, but none under an item withheld from this viewer.
      votes: votes.filter((vote) => vote.itemId === null || !withheldIds.has(vote.itemId)),
    }
  }

  /**
   * The whole record of one meeting's minutes for this viewer; minutes is null when they may not see any.
   * `row` stands in for the stored minutes: what they will be once a change being made is saved.
   */
  async function recordOf(ctx: Context, meeting: MeetingRow, row?: MinutesRow) {
    const recorded = await reads.recordOf(ctx, meeting.id)
    const found = row ?? recorded.minutes
    const minutes = found && mayReadMinutes(ctx.user, found.status) ? found : null
    const versions = minutes ? recorded.versions : []
    const [body, contents, approval] = await Promise.all([
      bodies.getBodyById(ctx, meeting.bodyId),
      contentsOf(ctx, meeting, minutes),
      minutes ? approvalOf(minutes) : null,
    ])
    return {
      meeting,
      body,
      minutes,
      approval,
      versions: versions.map(({ id, publishedAt, replacedOn }) => ({ id, publishedAt, replacedOn })),
      ...contents,
      groups: groupAttendance(contents.attendance),
    }
  }

  /**
   * The minutes as the public reads them now, to keep when an amended version replaces them. Built
   * as for a visitor, so a kept draft never holds what the public could not read.
   */
  async function printedMinutes(meetingId: string) {
    const meeting = await repo.findMeetingById(meetingId)
    const minutes = meeting ? await repo.findMinutes(meetingId) : undefined
    if (!meeting || !minutes) throw new NotFoundError('Minutes')
    const contents = await contentsOf({ user: null, requestId: 'published draft' }, meeting, minutes)
    return {
      groups: groupAttendance(contents.attendance),
      declarations: contents.declarations,
      items: contents.items,
      noDeclarations: minutes.noDeclarations,
      endedAtTime: minutes.endedAtTime,
    }
  }

  async function meetingBySlug(ctx: Context, slug: string) {
    const meeting = await reads.meetingBySlug(ctx, slug)
    if (!meeting) throw new NotFoundError('Meeting')
    return meeting
  }

  /** Minutes as printed: the attendance in its groups, declarations, items, and when the meeting ended. */
  type MinutesContent = Awaited<ReturnType<typeof printedMinutes>>

  /** recordOf, with motions, and the public's questions and speakers (recorded with the agenda, printed here too). */
  async function fullRecord(ctx: Context, meeting: MeetingRow, row?: MinutesRow) {
    const record = await recordOf(ctx, meeting, row)
    const [motions, questions, speakers] = await Promise.all([
      motionsIn(ctx, record),
      deps.meetings.questionsFor(ctx, record.meeting),
      deps.meetings.speakersFor(ctx, record.meeting),
    ])
    const [asked, spoke] = [byItem(questions, record.items), byItem(speakers, record.items)]
    return {
      ...record,
      ...motions,
      meetingQuestions: asked.ofMeeting,
      itemQuestions: asked.ofItem,
      meetingSpeakers: spoke.ofMeeting,
      itemSpeakers: spoke.ofItem,
    }
  }

  /** The council's name as the author of its papers. */
  const authorOf = async (ctx: Context) => (await deps.councilName?.(ctx)) || 'Oversight'

  /**
   * The minutes paper exactly as the public will read it once `row` (the minutes as they are about to be
   * saved) stands: built for a visitor, so what is kept never holds what the public could not read.
   */
  async function publicPaper(meetingId: string, row: MinutesRow): Promise<Paper> {
    const visitor: Context = { user: null, requestId: 'published minutes' }
    const meeting = await repo.findMeetingById(meetingId)
    if (!meeting) throw new NotFoundError('Minutes')
    const record = await fullRecord(visitor, meeting, row)
    return minutesPaper({ ...record, minutes: row }, await authorOf(visitor))
  }

  const reading = {
    /**
     * The minutes of the meeting with this slug, as the viewer may see them: attendance, declarations,
     * items with their minutes and resolutions (withheld for exempt items the viewer may not read).
     * For someone who records minutes, a meeting without minutes comes back with `minutes: null`;
     * for anyone else that, and a draft, is a NotFoundError.
     */
    async getMinutes(ctx: Context, slug: string) {
      const meeting = await meetingBySlug(ctx, slug)
      const record = await fullRecord(ctx, meeting)
      if (!record.minutes && !can(ctx.user, 'minutes:edit')) throw new NotFoundError('Minutes')
      return record
    },

    /**
     * The minutes as a printed paper, exactly as the minutes page shows them to this viewer: a
     * NotFoundError where the page has no minutes to show (none started, or a draft to this viewer).
     */
    async minutesPaper(ctx: Context, slug: string) {
      const record = await reading.getMinutes(ctx, slug)
      const { minutes } = record
      if (!minutes) throw new NotFoundError('Minutes')
      return minutesPaper({ ...record, minutes }, await authorOf(ctx))
    },

    /**
     * The minutes as a PDF for this viewer. Those who read only what the public reads get the exact file
     * kept when the minutes were published or approved; others, and minutes published before papers were
     * kept, get the paper made now. A NotFoundError as for minutesPaper.
     */
    async minutesPdf(ctx: Context, slug: string): Promise<{ kept: Uint8Array } | { paper: Paper }> {
      const meeting = await meetingBySlug(ctx, slug)
      const found = await reads.minutesOf(ctx, meeting.id)
      const readsMore = mayReadExempt(await bodies.exemptReadableBodyIds(ctx), meeting.bodyId)
      if (found && found.status !== 'draft' && !readsMore) {
        const kept = await deps.meetings.keptMinutes(ctx, meeting.id)
        if (kept) return { kept: kept.content }
      }
      return { paper: await reading.minutesPaper(ctx, slug) }
    },

    /** getMinutes for the recording pages: also what is missing before they can be published. */
    async getRecording(ctx: Context, slug: string) {
      assertCan(ctx.user, 'minutes:edit')
      const record = await recordOf(ctx, await meetingBySlug(ctx, slug))
      const missing = whatIsMissing({
        meetingDate: record.meeting.date,
        today: deps.clock.today(),
        agendaPublished: record.meeting.agendaPublishedOn !== null,
        attendance: record.attendance,
        items: record.items.map((item) => ({
          ...item,
          minute: item.minute ?? '',
          resolutionCount: item.resolutions.length,
        })),
        noDeclarations: record.minutes?.noDeclarations ?? false,
        declarationCount: record.declarations.length,
      })
      return { ...record, missing, isDraft: record.minutes?.status === 'draft' }
    },

    /** A meeting by id or slug with whatever of its minutes this viewer may see. Throws NotFoundError. */
    async getMeetingRecord(ctx: Context, idOrSlug: string) {
      const meeting = (await reads.meetingById(ctx, idOrSlug)) ?? (await reads.meetingBySlug(ctx, idOrSlug))
      if (!meeting) throw new NotFoundError('Meeting')
      const record = await recordOf(ctx, meeting)
      const readable = mayReadAgenda(ctx.user, meeting)
      const [motions, venueChanges, supplements, questions, speakers, documents] = await Promise.all([
        motionsIn(ctx, record),
        deps.meetings.venueChangesOf(ctx, meeting.id),
        // Supplements follow a published agenda: none to whoever may not read it.
        readable ? deps.meetings.supplementsOf(ctx, meeting.id) : [],
        // Questions and speakers are published with the agenda, like supplements.
        readable ? deps.meetings.questionsOf(ctx, meeting.id) : [],
        readable ? deps.meetings.speakersOf(ctx, meeting.id) : [],
        deps.meetings.itemDocumentsOf(ctx, meeting),
      ])
      return { ...record, venueChanges, supplements, questions, speakers, documents, ...motions }
    },

    /** Meetings, optionally of one body and within dates (inclusive), soonest first, with their body. */
    async listMeetings(ctx: Context, filter: { bodyId?: string; from?: string; to?: string }) {
      const [meetings, allBodies] = await Promise.all([repo.listMeetings(filter), bodies.listBodies(ctx)])
      return meetings.map((meeting) => ({
        ...meeting,
        minutesStatus: mayReadMinutes(ctx.user, meeting.minutesStatus) ? meeting.minutesStatus : null,
        body: allBodies.find((body) => body.id === meeting.bodyId)!,
      }))
    },

    /**
     * The resolutions of a meeting that this viewer may see, in agenda order: none while the minutes
     * are a draft (except to those who record them), none of exempt items the viewer may not read.
     */
    async resolutionsOfMeeting(ctx: Context, meetingId: string) {
      const meeting = await repo.findMeetingById(meetingId)
      if (!meeting) throw new NotFoundError('Meeting')
      const record = await recordOf(ctx, meeting)
      return record.items.flatMap((item) =>
        item.resolutions.map((resolution) => ({
          ...resolution,
          item: { id: item.id, number: item.number, title: item.title },
        })),
      )
    },

    /**
     * One resolution with its meeting and agenda item, looked up directly: undefined when there is
     * none, or when this viewer may not see it (minutes a draft to them, an exempt item they may not read).
     */
    async findResolution(ctx: Context, resolutionId: string) {
      const found = await repo.findResolutionInMinutes(resolutionId)
      if (!found || !mayReadMinutes(ctx.user, found.minutesStatus)) return undefined
      if (isExempt(found) && !mayReadExempt(await bodies.exemptReadableBodyIds(ctx), found.bodyId)) return undefined
      return {
        id: found.id,
        number: found.number,
        text: found.text,
        meeting: { id: found.meetingId, slug: found.meetingSlug, date: found.meetingDate, bodyId: found.bodyId },
        item: {
          id: found.itemId,
          number: found.itemNumber,
          position: found.itemPosition,
          title: found.itemTitle,
          exempt: isExempt(found),
        },
      }
    },

    /**
     * Where something was said in the minutes, as this viewer may see it: the meeting (undefined when
     * there is none), and the item and its resolution only when the viewer may read them there.
     */
    async sourceInMinutes(
      ctx: Context,
      ref: { meetingId: string; agendaItemId: string | null; resolutionId: string | null },
    ) {
      const found = await repo.findMeetingSource(ref.meetingId, ref.agendaItemId, ref.resolutionId)
      if (!found) return undefined
      const meeting = { id: found.id, slug: found.slug, date: found.date }
      const { itemId, itemNumber, itemPosition, itemTitle, resolutionId, resolutionNumber } = found
      const hidden =
        itemId === null ||
        itemPosition === null ||
        itemTitle === null ||
        !mayReadMinutes(ctx.user, found.minutesStatus) ||
        (isExempt(found) && !mayReadExempt(await bodies.exemptReadableBodyIds(ctx), found.bodyId))
      if (hidden) return { meeting, item: null, resolution: null }
      return {
        meeting,
        item: { id: itemId, number: itemNumber, position: itemPosition, title: itemTitle },
        resolution:
          resolutionId !== null && resolutionNumber !== null ? { id: resolutionId, number: resolutionNumber } : null,
      }
    },

    /** For a meeting page: the status and address of its minutes, or null when this viewer has none to see. */
    async minutesSummary(ctx: Context, meeting: { id: string; slug: string }) {
      const minutes = await reads.minutesOf(ctx, meeting.id)
      if (!minutes || !mayReadMinutes(ctx.user, minutes.status)) return null
      return { status: minutes.status, approvedOn: minutes.approvedOn, url: minutesPath(meeting.slug) }
    },

    /**
     * A published draft of the minutes with this slug, kept when they were approved with amendments,
     * as the public read it then. NotFoundError when there is none, or the viewer may not read the minutes.
     */
    async getPublishedDraft(ctx: Context, slug: string, versionId: string) {
      const record = await recordOf(ctx, await meetingBySlug(ctx, slug))
      const kept = record.minutes ? await repo.findVersion(record.meeting.id, versionId) : undefined
      if (!kept) throw new NotFoundError('Minutes')
      // Written only by printedMinutes, through the approval.
      return { ...record, version: { ...kept, content: kept.content as unknown as MinutesContent } }
    },

    /** The meeting's attendance with each person named as the minutes name them, whatever the minutes' status. */
    async namedAttendance(ctx: Context, meetingId: string) {
      const rows = await reads.attendanceOf(ctx, meetingId)
      const ids = rows.flatMap((row) => (row.personId ? [row.personId] : []))
      const people = await bodies.getPeopleByIds(ctx, [...new Set(ids)])
      return rows.map((row) => ({
        ...row,
        name: attendeeName(
          people.find((person) => person.id === row.personId),
          row.rawName,
        ),
      }))
    },

    /**
     * For the meeting page, once the minutes are published: each of `itemIds`' minute and resolutions
     * (with their tracker entries), shown under the item as residents are used to. The caller passes
     * only the items this viewer may read.
     */
    async itemMinutesOf(ctx: Context, meetingId: string, itemIds: string[]) {
      const minutes = await reads.minutesOf(ctx, meetingId)
      if (!minutes || !PUBLIC_MINUTES.includes(minutes.status) || itemIds.length === 0) return {}
      const [items, resolutions] = await Promise.all([reads.itemsOf(ctx, meetingId), repo.resolutionsOfItems(itemIds)])
      const tracked = deps.trackedResolutions
        ? await deps.trackedResolutions(
            ctx,
            resolutions.map((resolution) => resolution.id),
          )
        : new Map<string, { href: string; text: string }>()
      const shown = items.filter((item) => itemIds.includes(item.id))
      return Object.fromEntries(
        shown.map((item) => [
          item.id,
          {
            minuteNumber: item.minuteNumber,
            minute: item.minute,
            resolutions: resolutions
              .filter((resolution) => resolution.agendaItemId === item.id)
              .map((resolution) => ({
                id: resolution.id,
                text: resolution.text,
                tracked: tracked.get(resolution.id) ?? null,
              })),
          },
        ]),
      )
    },

    /** Whether the minutes of some meeting were approved under this agenda item (it cannot go while they are). */
    async itemApprovesMinutes(_ctx: Context, itemId: string) {
      return repo.approvedAtItem(itemId)
    },
  }

  return {
    ...reading,
    /** Someone's attendance record and declarations, from the minutes this viewer may read. */
    personRecord: createPersonRecord(deps),
    attendeesOf: attendeesOf({ attendanceOf: reads.attendanceOf, bodies }),
    ...createMinutesRecording(deps),
    ...createMinutesWorkflow(deps, { printedMinutes, publicPaper }),
  }
}

export type MinutesService = ReturnType<typeof createMinutesService>
export type MinutesRecord = Awaited<ReturnType<MinutesService['getMinutes']>>
