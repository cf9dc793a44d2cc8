import type { Db, Trx } from '#src/database.ts'
import { insertImportedBody, insertImportedMembership, insertImportedPerson } from '#src/modules/bodies/index.ts'
import { insertImportedAttendance, insertImportedItem, insertImportedMeeting } from '#src/modules/meetings/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import type { ImportPlan, Source } from './moderngov/plan.ts'
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
  /** Told after each planned record how many are done of all the plan's records (a progress line). */
  onProgress?: (done: number, total: number) => void
}

const zero = (): ApplyCounts => ({ body: 0, person: 0, membership: 0, meeting: 0, 'agenda item': 0, attendance: 0 })

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
 * each with its provenance and an audit event; a record whose source was imported before is left as it
 * is, so a second run of the same import changes nothing. A failure half-way leaves nothing behind.
 */
export async function applyPlan(
  db: Db,
  ctx: Context,
  plan: ImportPlan,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const reasons = refusalsOf(plan)
  if (reasons.length) return { applied: false, reasons }
  const created = zero()
  const updated = zero()
  const unchanged = zero()
  const conflicts: ImportConflict[] = []
  const skipped: ImportSkip[] = []
  const lists = [plan.bodies, plan.people, plan.memberships, plan.meetings, plan.items, plan.attendance]
  const total = lists.reduce((sum, list) => sum + list.length, 0)
  let done = 0
  const run = withTransaction(db, async (trx) => {
    const known = new Map(
      (
        await trx
          .selectFrom('importSources')
          .select(['recordType', 'sourceId', 'recordId'])
          .where('system', '=', 'moderngov')
          .execute()
      ).map((row) => [`${row.recordType}/${row.sourceId}`, row.recordId]),
    )
    /** The record's id here: the one imported before, or the one `insert` makes now (with provenance and audit). */
    const record = async (type: ImportedRecordType, source: Source, after: object, insert: () => Promise<string>) => {
      options.onProgress?.(++done, total)
      const earlier = known.get(`${type}/${source.id}`)
      if (earlier) {
        unchanged[type] += 1
        return earlier
      }
      const id = await insert()
      await trx
        .insertInto('importSources')
        // From a folder, the address is the saved file's name.
        .values({
          system: 'moderngov',
          recordType: type,
          sourceId: source.id,
          recordId: id,
          sourceAddress: source.file,
        })
        .execute()
      await recordAudit(trx, ctx, {
        action: `imported ${type}`,
        subjectType: type,
        subjectId: id,
        after: { ...after, source },
      })
      known.set(`${type}/${source.id}`, id)
      created[type] += 1
      return id
    }

    const bodySlugs = new Map<string, string>()
    for (const { source, ...body } of plan.bodies)
      await record('body', source, body, async () => {
        const row = await insertImportedBody(trx, body)
        bodySlugs.set(row.id, row.slug)
        return row.id
      })
    for (const { source, ...person } of plan.people)
      await record('person', source, person, async () => (await insertImportedPerson(trx, person)).id)
    for (const { source, ...membership } of plan.memberships) {
      const bodyId = known.get(`body/${membership.bodyId}`)
      const personId = known.get(`person/${membership.personId}`)
      if (!bodyId || !personId) continue
      const fields = { ...membership, bodyId, personId }
      await record('membership', source, fields, async () => (await insertImportedMembership(trx, fields)).id)
    }

    const meetingIds = new Map<string, string>()
    const newMeetings = new Set<string>()
    for (const { source, ...meeting } of plan.meetings) {
      const bodyId = known.get(`body/${meeting.bodyId}`)
      if (!bodyId) continue
      const slug = bodySlugs.get(bodyId) ?? (await slugOfBody(trx, bodyId))
      const fields = { ...meeting, bodyId }
      const id = await record('meeting', source, fields, async () => {
        const row = await insertImportedMeeting(trx, fields, slug)
        newMeetings.add(row.id)
        return row.id
      })
      meetingIds.set(source.id, id)
    }
    for (const { source, exempt, meetingId, ...item } of plan.items) {
      const meeting = meetingIds.get(meetingId)
      if (!meeting) continue
      const fields = { ...item, exemptReason: exempt ? 'Restricted in the system it was imported from' : null }
      await record('agenda item', source, fields, async () => {
        // A meeting made by this run has only the plan's items, each in its own place.
        const position = newMeetings.has(meeting) ? item.position : await nextPosition(trx, meeting, item.position)
        return (await insertImportedItem(trx, meeting, { ...fields, position })).id
      })
    }
    for (const { source, meetingId, ...attendance } of plan.attendance) {
      const meeting = meetingIds.get(meetingId)
      if (!meeting) continue
      const personId = attendance.personId ? (known.get(`person/${attendance.personId}`) ?? null) : null
      const fields = { ...attendance, personId }
      // An attendee is one of the meeting's list; officers share the member id 0, so their place tells them apart.
      const key = { ...source, id: `${meetingId}/${attendance.position}` }
      await record('attendance', key, fields, async () => (await insertImportedAttendance(trx, meeting, fields)).id)
    }
    if (options.preview) throw new PreviewDone()
  })
  await run.catch((error: unknown) => {
    if (!(error instanceof PreviewDone)) throw error
  })
  return { applied: true, created, updated, unchanged, conflicts, skipped }
}

/** Thrown to roll a preview's transaction back once its result is known. */
class PreviewDone extends Error {}

async function slugOfBody(trx: Trx, id: string) {
  return (await trx.selectFrom('bodies').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug
}

/** The item's place in the plan, unless the meeting has an item there already (one added here since). */
async function nextPosition(trx: Trx, meetingId: string, wanted: number) {
  const taken = (
    await trx.selectFrom('agendaItems').select('position').where('meetingId', '=', meetingId).execute()
  ).map((row) => row.position)
  return taken.includes(wanted) ? Math.max(...taken) + 1 : wanted
}
