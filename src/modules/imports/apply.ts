import type { Db, Trx } from '#src/database.ts'
import {
  findImportedBody,
  findImportedMembership,
  findImportedPerson,
  insertImportedBody,
  insertImportedMembership,
  insertImportedPerson,
  updateImportedBody,
  updateImportedMembership,
  updateImportedPerson,
} from '#src/modules/bodies/index.ts'
import {
  findImportedAttendance,
  findImportedMeeting,
  insertImportedAttendance,
  insertImportedMeeting,
  insertImportedMinutes,
  meetingsWithApprovedMinutes,
  updateImportedAttendance,
  updateImportedMeeting,
} from '#src/modules/meetings/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { londonToday } from '#src/platform/clock.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { applyDocuments } from './apply-documents.ts'
import type { ImportPlan } from './moderngov/plan.ts'
import { type RecordWriter, type Tally, createRecordWriter } from './record-writer.ts'
import { writeItems } from './write-items.ts'
import type { ImportedRecordType } from './tables.ts'

export type ApplyCounts = Record<ImportedRecordType, number>

/** A record imported before and edited here since: the import leaves it as it is. */
export interface ImportConflict {
  type: ImportedRecordType
  sourceId: string
  recordId: string
  file: string
  /** The fields that differ, by their names in the plan. */
  fields: string[]
}

/** A planned record not written, and why (its meeting or body was not written, say). */
export interface ImportSkip {
  type: ImportedRecordType
  sourceId: string
  file: string
  reason: string
}

export type ApplyResult =
  | {
      applied: true
      created: ApplyCounts
      updated: ApplyCounts
      unchanged: ApplyCounts
      conflicts: ImportConflict[]
      skipped: ImportSkip[]
    }
  | { applied: false; reasons: string[] }

export interface ApplyOptions {
  /** Work out the result in a transaction that is then rolled back: what applying would do, writing nothing. */
  preview?: boolean
  /** Today in Europe/London, which tells a meeting yet to take place; the real date unless given. */
  today?: string
  /** Told after each planned record how many are done of all the plan's records (a progress line). */
  onProgress?: (done: number, total: number) => void
  /**
   * Run in the same transaction once everything is written, before it commits (not in a preview): what
   * must stand or fall with the records, such as marking the batch applied. What it throws undoes all.
   */
  beforeCommit?: (trx: Trx, result: Extract<ApplyResult, { applied: true }>) => Promise<void>
}

const zero = (): ApplyCounts => ({
  body: 0,
  person: 0,
  membership: 0,
  meeting: 0,
  'agenda item': 0,
  attendance: 0,
  document: 0,
})

/** Why a plan may not be applied at all; nothing is written when there is any. */
export function refusalsOf(plan: ImportPlan): string[] {
  const reasons = plan.errors.map((error) =>
    error.message.startsWith(error.file) ? error.message : `${error.file}: ${error.message}`,
  )
  // Written without its paragraph, a restricted item would be public: it waits for an officer to choose one.
  for (const item of plan.items)
    if (item.exempt && item.exemptParagraph === null)
      reasons.push(
        `${item.source.file}, agenda item ${item.source.id}: restricted, and no paragraph of Schedule 12A is given`,
      )
  return reasons
}

/**
 * Writes a plan's bodies, people, memberships, meetings, agenda items and attendance in one transaction,
 * each with its provenance and an audit event (see record-writer.ts for what a record imported before
 * becomes), and the minutes the council has published. A failure half-way leaves nothing behind.
 */
export async function applyPlan(
  db: Db,
  ctx: Context,
  plan: ImportPlan,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const reasons = refusalsOf(plan)
  if (reasons.length) return { applied: false, reasons }
  const tally: Tally = { created: zero(), updated: zero(), unchanged: zero(), conflicts: [], skipped: [] }
  const run = withTransaction(db, async (trx) => {
    const writer = withProgress(await createRecordWriter(trx, ctx, tally), plan, options.onProgress)
    await writeBodiesAndPeople(trx, writer, plan)
    const meetingIds = await writeMeetings(trx, writer, plan, options.today ?? londonToday())
    await writeMinutes(trx, ctx, plan, meetingIds)
    await applyDocuments(trx, ctx, plan, tally)
    if (options.preview) throw new PreviewDone()
    await options.beforeCommit?.(trx, { applied: true, ...tally })
  })
  await run.catch((error: unknown) => {
    if (!(error instanceof PreviewDone)) throw error
  })
  return { applied: true, ...tally }
}

async function writeBodiesAndPeople(trx: Trx, writer: RecordWriter, plan: ImportPlan) {
  for (const { source, ...body } of plan.bodies)
    await writer.record('body', source, body, {
      insert: async () => (await insertImportedBody(trx, body)).id,
      find: (id) => findImportedBody(trx, id),
      update: (id, fields) => updateImportedBody(trx, id, fields),
    })
  for (const { source, ...person } of plan.people)
    await writer.record('person', source, person, {
      insert: async () => (await insertImportedPerson(trx, person)).id,
      find: (id) => findImportedPerson(trx, id),
      update: (id, fields) => updateImportedPerson(trx, id, fields),
    })
  for (const { source, ...membership } of plan.memberships) {
    const bodyId = writer.idOf('body', membership.bodyId)
    const personId = writer.idOf('person', membership.personId)
    if (!bodyId) {
      writer.skip('membership', source, `its committee (${membership.bodyId}) is not written`)
      continue
    }
    if (!personId) {
      writer.skip('membership', source, `its member (${membership.personId}) is not written`)
      continue
    }
    const fields = { ...membership, bodyId, personId }
    await writer.record('membership', source, fields, {
      insert: async () => (await insertImportedMembership(trx, fields)).id,
      find: (id) => findImportedMembership(trx, id),
      update: (id, changed) => updateImportedMembership(trx, id, changed),
    })
  }
}

/** Meetings, their items and attendance; the ids here of the meetings written, by the council's ids. */
async function writeMeetings(trx: Trx, writer: RecordWriter, plan: ImportPlan, today: string) {
  const meetingIds = new Map<string, string>()
  const newMeetings = new Set<string>()
  const bodySlugs = new Map<string, string>()
  for (const { source, ...meeting } of plan.meetings) {
    const bodyId = writer.idOf('body', meeting.bodyId)
    if (!bodyId) {
      writer.skip('meeting', source, `its committee (${meeting.bodyId}) is not written`)
      continue
    }
    const fields = { ...meeting, bodyId }
    const id = await writer.record('meeting', source, fields, {
      insert: async () => {
        const slug = bodySlugs.get(bodyId) ?? (await slugOfBody(trx, bodyId))
        bodySlugs.set(bodyId, slug)
        const row = await insertImportedMeeting(trx, fields, slug)
        newMeetings.add(row.id)
        return row.id
      },
      find: (at) => findImportedMeeting(trx, at),
      update: (at, changed, here) => updateImportedMeeting(trx, at, changed, here, today),
    })
    if (id) meetingIds.set(source.id, id)
  }

  const approved = await meetingsWithApprovedMinutes(trx)
  await writeItems(trx, writer, plan, meetingIds, newMeetings, approved)

  for (const { source, meetingId, ...attendance } of plan.attendance) {
    // An attendee is one of the meeting's list; officers share the member id 0, so their place tells them apart.
    const key = { ...source, id: `${meetingId}/${attendance.position}` }
    const meeting = meetingIds.get(meetingId)
    if (!meeting) {
      writer.skip('attendance', key, `its meeting (${meetingId}) is not written`)
      continue
    }
    const fields = { ...attendance, personId: writer.idOf('person', attendance.personId) ?? null }
    await writer.record('attendance', key, fields, {
      insert: async () => (await insertImportedAttendance(trx, meeting, fields)).id,
      find: (id) => findImportedAttendance(trx, id),
      update: (id, changed) => updateImportedAttendance(trx, id, changed),
      // Who attended is part of minutes approved as a correct record.
      fixed: approved.has(meeting) ? Object.keys(fields) : [],
    })
  }
  return meetingIds
}

/**
 * The minutes of each meeting whose item minutes the council has published (a planned item has a minute
 * only then), as published here, so that they show on the meeting's page and in search. Minutes already
 * here, begun or published here or by an earlier import, are left as they are.
 */
async function writeMinutes(trx: Trx, ctx: Context, plan: ImportPlan, meetingIds: Map<string, string>) {
  const withMinutes = new Set(plan.items.filter((item) => item.minute !== '').map((item) => item.meetingId))
  if (!withMinutes.size) return
  const have = new Set((await trx.selectFrom('minutes').select('meetingId').execute()).map((row) => row.meetingId))
  const publishedAt = new Date()
  for (const meeting of plan.meetings) {
    const id = meetingIds.get(meeting.source.id)
    if (!id || have.has(id) || !withMinutes.has(meeting.source.id)) continue
    // A meeting that did not take place has no minutes (as startMinutes says).
    if (meeting.status === 'cancelled' || meeting.status === 'postponed') continue
    const after = await insertImportedMinutes(trx, id, publishedAt)
    if (after)
      await recordAudit(trx, ctx, {
        action: 'imported minutes',
        subjectType: 'minutes',
        subjectId: id,
        after: { ...after, source: meeting.source },
      })
  }
}

/** The writer, telling `onProgress` after each record how many of the plan's are done. */
function withProgress(writer: RecordWriter, plan: ImportPlan, onProgress: ApplyOptions['onProgress']): RecordWriter {
  if (!onProgress) return writer
  const lists = [plan.bodies, plan.people, plan.memberships, plan.meetings, plan.items, plan.attendance]
  const total = lists.reduce((sum, list) => sum + list.length, 0)
  let done = 0
  const record: RecordWriter['record'] = async (...args) => {
    const id = await writer.record(...args)
    onProgress(++done, total)
    return id
  }
  return { ...writer, record }
}

/** Thrown to roll a preview's transaction back once its result is known. */
class PreviewDone extends Error {}

async function slugOfBody(trx: Trx, id: string) {
  return (await trx.selectFrom('bodies').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug
}
