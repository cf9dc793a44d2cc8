import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Trx } from '#src/database.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { MeetingRow } from '../repository.ts'
import type { MeetingsDeps } from '../service.ts'
import { amendmentOutcomeRefusal, motionOutcomeRefusal, substantiveMotionRefusal } from './decision-order.ts'
import { type AmendmentRow, type MotionRow, createMotionsRepository } from './repository.ts'
import type { AmendmentInput, MotionInput } from './schema.ts'
import type { AmendmentOutcome } from '../tables.ts'
import { motionsMovedBy } from './person-section.ts'

type Attendee = Awaited<ReturnType<ReturnType<MeetingsDeps['minutes']>['attendeesOf']>>[number]

/** Mover and seconder named as the minutes print them; null for no one, or someone no longer on record. */
function withPeople<T extends { moverId: string | null; seconderId: string | null }>(row: T, attendees: Attendee[]) {
  const person = (id: string | null) => {
    const found = attendees.find((attendee) => attendee.personId === id)
    return found ? { id: found.personId, name: found.name, slug: found.slug } : null
  }
  return { ...row, mover: person(row.moverId), seconder: person(row.seconderId) }
}

/** The meeting's motions with their amendments in order, movers and seconders named. */
export function motionViews(motions: MotionRow[], amendments: AmendmentRow[], attendees: Attendee[]) {
  return motions.map((motion) => ({
    ...withPeople(motion, attendees),
    amendments: amendments
      .filter((amendment) => amendment.motionId === motion.id)
      .map((amendment) => withPeople(amendment, attendees)),
  }))
}

export type MotionView = ReturnType<typeof motionViews>[number]

/** Motions moved at meetings and their amendments: scrutiny officers record them; they are read with the minutes. */
export function createMotionsService(deps: MeetingsDeps) {
  const { db, repository: repo, minutes } = deps
  const motions = createMotionsRepository(db)

  async function meetingToEdit(ctx: Context, slug: string) {
    assertCan(ctx.user, 'meetings:edit')
    const meeting = await repo.findMeetingBySlug(slug)
    if (!meeting) throw new NotFoundError('Meeting')
    return meeting
  }

  async function motionToChange(ctx: Context, slug: string, position: number) {
    const meeting = await meetingToEdit(ctx, slug)
    const motion = await motions.findMotionAt(meeting.id, position)
    if (!motion) throw new NotFoundError('Motion')
    return { meeting, motion }
  }

  /** Who may move or second: people in the meeting's attendance, but not those who sent apologies or were absent. */
  async function attendeesThere(ctx: Context, meetingId: string) {
    return (await minutes().attendeesOf(ctx, meetingId)).filter((attendee) => attendee.there)
  }

  /** Mover and seconder must be in this meeting's attendance: anyone else is refused next to the field. */
  async function checkPeople(
    ctx: Context,
    meetingId: string,
    input: { moverId: string | null; seconderId: string | null },
  ) {
    const there = await attendeesThere(ctx, meetingId)
    for (const field of ['moverId', 'seconderId'] as const) {
      const id = input[field]
      if (id !== null && !there.some((attendee) => attendee.personId === id))
        throw new RuleError("Choose someone in this meeting's attendance", field)
    }
  }

  /** The item must be on this meeting's agenda: an id from elsewhere is refused next to the field. */
  async function itemOfMeeting(trx: Trx, meetingId: string, itemId: string | null) {
    if (itemId === null) return
    const item = await repo.findItemById(itemId, trx)
    if (item?.meetingId !== meetingId) throw new RuleError('Choose an item on this agenda', 'agendaItemId')
  }

  /** The motion's outcome and substantive motion must agree with its amendments' outcomes. */
  function checkDecision(input: MotionInput, amendments: AmendmentRow[]) {
    const outcome = motionOutcomeRefusal(input.outcome, amendments)
    if (outcome) throw new RuleError(outcome, 'outcome')
    const substantive = substantiveMotionRefusal(input.substantiveText, amendments)
    if (substantive) throw new RuleError(substantive, 'substantiveText')
  }

  /**
   * Holds the motion while its amendment is saved, and refuses an outcome that would leave the motion
   * and its amendments disagreeing (amendmentOutcomeRefusal). `amendmentId` is the one changed, if any.
   */
  async function checkAmendmentOutcome(
    trx: Trx,
    motionId: string,
    outcome: AmendmentOutcome | null,
    amendmentId?: string,
  ) {
    await motions.lockMotion(trx, motionId)
    const [current, amendments] = await Promise.all([
      motions.findMotionById(motionId, trx),
      motions.amendmentsOf([motionId], trx),
    ])
    if (!current) throw new NotFoundError('Motion')
    const others = amendments.filter((amendment) => amendment.id !== amendmentId)
    const refusal = amendmentOutcomeRefusal(current, outcome, [...others, { position: 0, outcome }])
    if (refusal) throw new RuleError(refusal, 'outcome')
  }

  /** The meeting's motions with amendments and named people; the caller decides who may read them. */
  async function motionsOf(ctx: Context, meetingId: string) {
    const found = await motions.motionsWithAmendmentsOf(meetingId)
    if (found.length === 0) return []
    const attendees = await minutes().attendeesOf(ctx, meetingId)
    const amendments = found.flatMap((motion) => motion.amendments)
    return motionViews(
      found.map(({ amendments: _amendments, ...motion }) => motion),
      amendments,
      attendees,
    )
  }

  return {
    /** The meeting a motion is being added to, with its agenda items and attendance to choose from. */
    async motionToAdd(ctx: Context, slug: string) {
      const meeting = await meetingToEdit(ctx, slug)
      const [items, attendees] = await Promise.all([repo.itemsOfMeeting(meeting.id), attendeesThere(ctx, meeting.id)])
      return { meeting, items, attendees }
    },

    /** The motion at `position`, for its form, with its meeting, agenda items and attendance. Throws NotFoundError. */
    async motionToEdit(ctx: Context, slug: string, position: number) {
      const { meeting, motion } = await motionToChange(ctx, slug, position)
      const [items, attendees] = await Promise.all([repo.itemsOfMeeting(meeting.id), attendeesThere(ctx, meeting.id)])
      return { meeting, motion, items, attendees }
    },

    /** The motion an amendment is being added to, with the meeting's attendance. Throws NotFoundError. */
    async amendmentToAdd(ctx: Context, slug: string, position: number) {
      const { meeting, motion } = await motionToChange(ctx, slug, position)
      return { meeting, motion, attendees: await attendeesThere(ctx, meeting.id) }
    },

    /** The amendment at `amendmentPosition` of the motion at `position`, for its form. Throws NotFoundError. */
    async amendmentToEdit(ctx: Context, slug: string, position: number, amendmentPosition: number) {
      const { meeting, motion } = await motionToChange(ctx, slug, position)
      const amendment = await motions.findAmendmentAt(motion.id, amendmentPosition)
      if (!amendment) throw new NotFoundError('Amendment')
      return { meeting, motion, amendment, attendees: await attendeesThere(ctx, meeting.id) }
    },

    /** Adds a motion after the meeting's last. */
    async addMotion(ctx: Context, meetingId: string, input: MotionInput) {
      assertCan(ctx.user, 'meetings:edit')
      await checkPeople(ctx, meetingId, input)
      return withTransaction(db, async (trx) => {
        await repo.lockAgenda(trx, meetingId)
        await itemOfMeeting(trx, meetingId, input.agendaItemId)
        checkDecision(input, [])
        const motion = await motions.insertMotion(trx, meetingId, input)
        await recordAudit(trx, ctx, {
          action: 'added motion',
          subjectType: 'meeting',
          subjectId: meetingId,
          after: motion,
        })
        return motion
      })
    },

    /** Changes a motion; refused (EditConflictError) unless still at `version`, the one its form was opened at. */
    async updateMotion(ctx: Context, motion: MotionRow, version: number | null, input: MotionInput) {
      assertCan(ctx.user, 'meetings:edit')
      await checkPeople(ctx, motion.meetingId, input)
      return withTransaction(db, async (trx) => {
        await motions.lockMotion(trx, motion.id)
        await itemOfMeeting(trx, motion.meetingId, input.agendaItemId)
        checkDecision(input, await motions.amendmentsOf([motion.id], trx))
        const saved = await writeAtVersion(
          trx,
          { what: 'This motion', subjectType: 'meeting', subjectId: motion.meetingId, expected: version },
          (at) => motions.updateMotion(trx, motion.id, at, input),
          () => motions.findMotionById(motion.id, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'changed motion',
          subjectType: 'meeting',
          subjectId: motion.meetingId,
          before: motion,
          after: saved,
        })
        return saved
      })
    },

    /** Adds an amendment after the motion's last; refused undecided once the motion is decided. */
    async addAmendment(ctx: Context, motion: MotionRow, input: AmendmentInput) {
      assertCan(ctx.user, 'meetings:edit')
      await checkPeople(ctx, motion.meetingId, input)
      return withTransaction(db, async (trx) => {
        await checkAmendmentOutcome(trx, motion.id, input.outcome)
        const amendment = await motions.insertAmendment(trx, motion.id, input)
        await recordAudit(trx, ctx, {
          action: 'added amendment',
          subjectType: 'meeting',
          subjectId: motion.meetingId,
          after: amendment,
        })
        return amendment
      })
    },

    /** Changes an amendment; refused (EditConflictError) unless still at `version`. */
    async updateAmendment(
      ctx: Context,
      motion: MotionRow,
      amendment: AmendmentRow,
      version: number | null,
      input: AmendmentInput,
    ) {
      assertCan(ctx.user, 'meetings:edit')
      await checkPeople(ctx, motion.meetingId, input)
      return withTransaction(db, async (trx) => {
        await checkAmendmentOutcome(trx, motion.id, input.outcome, amendment.id)
        const saved = await writeAtVersion(
          trx,
          { what: 'This amendment', subjectType: 'meeting', subjectId: motion.meetingId, expected: version },
          (at) => motions.updateAmendment(trx, amendment.id, at, input),
          () => motions.findAmendmentById(amendment.id, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'changed amendment',
          subjectType: 'meeting',
          subjectId: motion.meetingId,
          before: amendment,
          after: saved,
        })
        return saved
      })
    },

    motionsOf,

    /**
     * The meeting's motions as this viewer may see them on the meeting page: part of the minutes, so
     * none until the minutes are readable to them (`minutesSummary` non-null) — those who record
     * motions see them from the start — and none under an item withheld from them.
     */
    async motionsFor(
      ctx: Context,
      meeting: Pick<MeetingRow, 'id'>,
      minutesSummary: object | null,
      items: { id: string; withheld?: boolean }[],
    ) {
      if (minutesSummary === null && !can(ctx.user, 'meetings:edit')) return []
      const shown = (motion: MotionView) =>
        motion.agendaItemId === null || items.some((item) => item.id === motion.agendaItemId && !item.withheld)
      return (await motionsOf(ctx, meeting.id)).filter(shown)
    },

    /** The motions and amendments someone moved or seconded, from minutes this viewer may read. */
    motionsMovedBy: motionsMovedBy(motions, deps.bodies),
  }
}
