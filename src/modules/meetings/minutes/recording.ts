import type { Trx } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { attendeeName, membersOnDate } from './attendance-groups.ts'
import { chairProblem, substituteProblem } from './chair.ts'
import { moveResolution, withoutResolution } from './resolution-numbers.ts'
import type { AttendanceInput } from './repository.ts'
import {
  ATTENDED_STATUSES,
  type AttendanceForm,
  type DeclarationForm,
  type ItemMinuteForm,
  type ResolutionForm,
} from './schema.ts'
import { itemReference } from '#src/platform/views/filters.ts'
import type { MinutesDeps } from './service.ts'

const subjectType = 'minutes'

/** Recording a draft: attendance, declarations of interest, item minutes, resolutions, the end time. */
export function createMinutesRecording(deps: MinutesDeps) {
  const { db, repository: repo, bodies, meetings } = deps

  /** The meeting and its minutes, which must be a draft to change. */
  async function draftOf(meetingId: string) {
    const meeting = await repo.findMeetingById(meetingId)
    const minutes = meeting ? await repo.findMinutes(meeting.id) : undefined
    if (!meeting || !minutes) throw new NotFoundError('Minutes')
    if (minutes.status !== 'draft') {
      throw new RuleError('The minutes have been published. Unpublish them before making changes', 'status')
    }
    return { meeting, minutes }
  }

  /** An agenda item of this meeting. */
  async function itemOf(meetingId: string, itemId: string) {
    const item = await repo.findItemById(itemId)
    if (!item || item.meetingId !== meetingId) throw new NotFoundError('Agenda item')
    return item
  }

  async function namedAttendance(ctx: Context, meetingId: string) {
    const rows = await repo.attendanceOf(meetingId)
    const people = await bodies.getPeopleByIds(
      ctx,
      rows.flatMap((row) => (row.personId ? [row.personId] : [])),
    )
    return rows.map((row) => ({
      ...row,
      name: attendeeName(
        people.find((p) => p.id === row.personId),
        row.rawName,
      ),
    }))
  }

  /** Checks one attendance entry against the rest: a real person, listed once, and one chair. */
  async function checkAttendance(ctx: Context, meetingId: string, input: AttendanceForm, id?: string) {
    const attendance = await namedAttendance(ctx, meetingId)
    if (input.personId) {
      const [person] = await bodies.getPeopleByIds(ctx, [input.personId])
      if (!person) throw new RuleError('Select a person', 'personId')
      const already = attendance.find((row) => row.personId === input.personId && row.id !== id)
      if (already) throw new RuleError(`${already.name} is already in the attendance`, 'personId')
    }
    const problem = chairProblem(attendance, { id, chaired: input.chaired, status: input.status })
    if (problem) throw new RuleError(problem, 'chaired')
    const entry = attendance.find((row) => row.id === id)
    const substitute = entry?.personId ? attendance.find((row) => row.substituteForId === entry.personId) : undefined
    if (substitute && (input.status !== 'apologies' || input.personId !== entry?.personId)) {
      throw new RuleError(`${substitute.name} is recorded as their substitute. Change that entry first`, 'status')
    }
    const problemWithReplaced = substituteProblem(attendance, id, input.substituteForId)
    if (problemWithReplaced) throw new RuleError(problemWithReplaced, 'substituteForId')
    return attendance
  }

  const row = (input: AttendanceForm): AttendanceInput => ({
    personId: input.personId,
    rawName: input.rawName,
    capacity: input.capacity,
    status: input.status,
    roleAtMeeting: input.roleAtMeeting,
    chaired: input.chaired,
    substituteForId: input.substituteForId,
    arrivedAtItem: input.arrivedAtItem,
    leftAtItem: input.leftAtItem,
  })

  async function resolutionsOf(trx: Trx, itemId: string) {
    return repo.resolutionsOfItems([itemId], trx)
  }

  return {
    /** Adds someone to the attendance: a person on record or a name as the papers give it. */
    async addAttendance(ctx: Context, meetingId: string, input: AttendanceForm) {
      assertCan(ctx.user, 'minutes:edit')
      await draftOf(meetingId)
      await checkAttendance(ctx, meetingId, input)
      return withTransaction(db, async (trx) => {
        const [after] = await repo.insertAttendance(trx, meetingId, [row(input)])
        await recordAudit(trx, ctx, { action: 'added to attendance', subjectType, subjectId: meetingId, after })
        return after
      })
    },

    async changeAttendance(ctx: Context, meetingId: string, attendanceId: string, input: AttendanceForm) {
      assertCan(ctx.user, 'minutes:edit')
      await draftOf(meetingId)
      const attendance = await checkAttendance(ctx, meetingId, input, attendanceId)
      const before = attendance.find((entry) => entry.id === attendanceId)
      if (!before) throw new NotFoundError('Attendance')
      return withTransaction(db, async (trx) => {
        const after = await repo.updateAttendance(trx, attendanceId, row(input))
        await recordAudit(trx, ctx, { action: 'changed attendance', subjectType, subjectId: meetingId, before, after })
        return after
      })
    },

    /** Removes someone from the attendance, unless they declared an interest at the meeting. */
    async removeAttendance(ctx: Context, meetingId: string, attendanceId: string) {
      assertCan(ctx.user, 'minutes:edit')
      await draftOf(meetingId)
      const before = (await namedAttendance(ctx, meetingId)).find((entry) => entry.id === attendanceId)
      if (!before) throw new NotFoundError('Attendance')
      const declarations = await repo.declarationsOf(meetingId)
      if (before.personId && declarations.some((declaration) => declaration.personId === before.personId)) {
        throw new RuleError(`${before.name} declared an interest. Remove their declaration first`, 'attendance')
      }
      const substitute = before.personId
        ? (await namedAttendance(ctx, meetingId)).find((entry) => entry.substituteForId === before.personId)
        : undefined
      if (substitute) {
        throw new RuleError(
          `${substitute.name} substituted for ${before.name}. Change or remove that entry first`,
          'attendance',
        )
      }
      await withTransaction(db, async (trx) => {
        await repo.deleteAttendance(trx, attendanceId)
        await recordAudit(trx, ctx, { action: 'removed from attendance', subjectType, subjectId: meetingId, before })
      })
    },

    /** Records as present every member of the body on the day who is not in the attendance yet. */
    async markMembersPresent(ctx: Context, meetingId: string) {
      assertCan(ctx.user, 'minutes:edit')
      const { meeting } = await draftOf(meetingId)
      const { slug } = await bodies.getBodyById(ctx, meeting.bodyId)
      const body = await bodies.getBody(ctx, slug)
      const recorded = new Set((await repo.attendanceOf(meetingId)).map((entry) => entry.personId))
      const members = membersOnDate([...body.currentMembers, ...body.pastMembers], meeting.date)
      const rows = members
        .filter((member) => !recorded.has(member.personId))
        .map((member) => ({
          ...member,
          rawName: '',
          status: 'present' as const,
          roleAtMeeting: '',
          chaired: false,
          substituteForId: null,
          arrivedAtItem: '',
          leftAtItem: '',
        }))
      if (rows.length === 0) return []
      return withTransaction(db, async (trx) => {
        const after = await repo.insertAttendance(trx, meetingId, rows)
        await recordAudit(trx, ctx, { action: 'marked members present', subjectType, subjectId: meetingId, after })
        return after
      })
    },

    /** Records a declaration of interest by someone at the meeting; it clears any "no declarations". */
    async addDeclaration(ctx: Context, meetingId: string, input: DeclarationForm) {
      assertCan(ctx.user, 'minutes:edit')
      const { minutes } = await draftOf(meetingId)
      const attendance = await repo.attendanceOf(meetingId)
      const there = attendance.some(
        (entry) => entry.personId === input.personId && ATTENDED_STATUSES.includes(entry.status),
      )
      if (!there) throw new RuleError('Select someone recorded as present or in attendance', 'personId')
      const { itemIds, ...declaration } = input
      const items = await repo.itemsOfMeetings([meetingId])
      if (!itemIds.every((itemId) => items.some((item) => item.id === itemId))) {
        throw new RuleError('Select agenda items of this meeting', 'itemIds')
      }
      return withTransaction(db, async (trx) => {
        const after = await repo.insertDeclaration(trx, { meetingId, ...declaration }, [...new Set(itemIds)])
        if (minutes.noDeclarations) await repo.updateMinutes(trx, meetingId, { noDeclarations: false })
        await recordAudit(trx, ctx, {
          action: 'added declaration of interest',
          subjectType,
          subjectId: meetingId,
          after,
        })
        return after
      })
    },

    async removeDeclaration(ctx: Context, meetingId: string, declarationId: string) {
      assertCan(ctx.user, 'minutes:edit')
      await draftOf(meetingId)
      const before = (await repo.declarationsOf(meetingId)).find((declaration) => declaration.id === declarationId)
      if (!before) throw new NotFoundError('Declaration')
      await withTransaction(db, async (trx) => {
        await repo.deleteDeclaration(trx, declarationId)
        await recordAudit(trx, ctx, {
          action: 'removed declaration of interest',
          subjectType,
          subjectId: meetingId,
          before,
        })
      })
    },

    /** Records that nobody declared an interest (or takes that back). Refused while declarations are recorded. */
    async setNoDeclarations(ctx: Context, meetingId: string, none: boolean) {
      assertCan(ctx.user, 'minutes:edit')
      const { minutes: before } = await draftOf(meetingId)
      if (none && (await repo.declarationsOf(meetingId)).length > 0) {
        throw new RuleError(
          'Declarations of interest are recorded. Remove them before recording that there were none',
          'declarations',
        )
      }
      return withTransaction(db, async (trx) => {
        const after = await repo.updateMinutes(trx, meetingId, { noDeclarations: none })
        const action = none ? 'recorded no declarations of interest' : 'withdrew no declarations of interest'
        await recordAudit(trx, ctx, { action, subjectType, subjectId: meetingId, before, after })
        return after
      })
    },

    /** Writes the minute of one agenda item. */
    async recordItemMinute(ctx: Context, meetingId: string, itemId: string, input: ItemMinuteForm) {
      assertCan(ctx.user, 'minutes:edit')
      await draftOf(meetingId)
      const before = await itemOf(meetingId, itemId)
      return withTransaction(db, async (trx) => {
        const after = await meetings.recordItemMinute(ctx, itemId, input, trx)
        const action = `recorded minute of ${itemReference(before)}`
        await recordAudit(trx, ctx, { action, subjectType, subjectId: meetingId, before, after })
        return after
      })
    },

    /** Adds a resolution at the end of the item's list, or at `position`, renumbering the rest. */
    async addResolution(ctx: Context, meetingId: string, itemId: string, input: ResolutionForm) {
      assertCan(ctx.user, 'minutes:edit')
      await draftOf(meetingId)
      const item = await itemOf(meetingId, itemId)
      return withTransaction(db, async (trx) => {
        const before = await resolutionsOf(trx, itemId)
        const added = await repo.insertResolution(trx, itemId, before.length + 1, input.text)
        const numbers = moveResolution([...before, added], added.id, input.position ?? before.length + 1)
        await repo.setResolutionNumbers(trx, itemId, numbers)
        const after = await resolutionsOf(trx, itemId)
        const action = `added resolution to ${itemReference(item)}`
        await recordAudit(trx, ctx, { action, subjectType, subjectId: meetingId, before, after })
        return added
      })
    },

    /** Changes a resolution's words and, when given, its position. */
    async changeResolution(ctx: Context, meetingId: string, resolutionId: string, input: ResolutionForm) {
      assertCan(ctx.user, 'minutes:edit')
      await draftOf(meetingId)
      const resolution = await repo.findResolution(resolutionId)
      if (!resolution) throw new NotFoundError('Resolution')
      const item = await itemOf(meetingId, resolution.agendaItemId)
      return withTransaction(db, async (trx) => {
        const before = await resolutionsOf(trx, item.id)
        await repo.updateResolutionText(trx, resolutionId, input.text)
        await repo.setResolutionNumbers(
          trx,
          item.id,
          moveResolution(before, resolutionId, input.position ?? resolution.number),
        )
        const after = await resolutionsOf(trx, item.id)
        const action = `changed resolution of ${itemReference(item)}`
        await recordAudit(trx, ctx, { action, subjectType, subjectId: meetingId, before, after })
      })
    },

    /** Removes a resolution; the ones after it move up a number. */
    async removeResolution(ctx: Context, meetingId: string, resolutionId: string) {
      assertCan(ctx.user, 'minutes:edit')
      await draftOf(meetingId)
      const resolution = await repo.findResolution(resolutionId)
      if (!resolution) throw new NotFoundError('Resolution')
      const item = await itemOf(meetingId, resolution.agendaItemId)
      await withTransaction(db, async (trx) => {
        const before = await resolutionsOf(trx, item.id)
        await repo.deleteResolution(trx, resolutionId)
        await repo.setResolutionNumbers(trx, item.id, withoutResolution(before, resolutionId))
        const after = await resolutionsOf(trx, item.id)
        const action = `removed resolution from ${itemReference(item)}`
        await recordAudit(trx, ctx, { action, subjectType, subjectId: meetingId, before, after })
      })
    },

    /** Records when the meeting ended ('HH:MM'), or clears it with null. */
    async recordEndedAt(ctx: Context, meetingId: string, endedAtTime: string | null) {
      assertCan(ctx.user, 'minutes:edit')
      const { minutes: before } = await draftOf(meetingId)
      return withTransaction(db, async (trx) => {
        const after = await repo.updateMinutes(trx, meetingId, { endedAtTime })
        await recordAudit(trx, ctx, {
          action: 'recorded when the meeting ended',
          subjectType,
          subjectId: meetingId,
          before,
          after,
        })
        return after
      })
    },
  }
}
