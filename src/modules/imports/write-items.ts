import type { Trx } from '#src/database.ts'
import { findImportedItem, insertImportedItem, updateImportedItem } from '#src/modules/meetings/index.ts'
import type { ImportPlan } from './moderngov/plan.ts'
import type { RecordWriter } from './record-writer.ts'

const RESTRICTED = 'Restricted in the system it was imported from'

/**
 * The plan's agenda items. A meeting keeps each item's place and number unique, so an item moved (or
 * renumbered) upstream into one another item still holds is parked first and placed once the others have
 * moved; it takes the next free place, and no number, when an item added here keeps them (which the next
 * import lists as a conflict). The items imported before go first: they may leave places new ones take.
 */
export async function writeItems(
  trx: Trx,
  writer: RecordWriter,
  plan: ImportPlan,
  meetingIds: ReadonlyMap<string, string>,
  newMeetings: ReadonlySet<string>,
  /** Meetings whose minutes were approved here: their item minutes are not changed. */
  approved: ReadonlySet<string>,
) {
  const before = plan.items.filter((item) => writer.importedBefore('agenda item', item.source.id))
  const fresh = plan.items.filter((item) => !writer.importedBefore('agenda item', item.source.id))
  const parked: { id: string; meetingId: string; position: number; number: string | null }[] = []
  for (const { source, exempt, meetingId, ...item } of before) {
    const meeting = meetingIds.get(meetingId)
    if (!meeting) {
      writer.skip('agenda item', source, `its meeting (${meetingId}) is not written`)
      continue
    }
    await writer.record(
      'agenda item',
      source,
      { ...item, exemptReason: exempt ? RESTRICTED : null },
      {
        insert: () => Promise.reject(new Error('an item imported before is not inserted')),
        find: (id) => findImportedItem(trx, id),
        update: async (id, changed) => {
          if (!(await clashes(trx, meeting, changed, id))) return updateImportedItem(trx, id, changed)
          parked.push({ id, meetingId: meeting, position: changed.position, number: changed.number })
          const row = await updateImportedItem(trx, id, { ...changed, position: -parked.length, number: null })
          return { ...row, position: changed.position, number: changed.number }
        },
        // Items added here move the imported ones along without anyone editing them.
        ignoreHere: ['position'],
        fixed: approved.has(meeting) ? ['minute', 'minuteNumber'] : [],
      },
    )
  }
  for (const { id, meetingId, position, number } of parked) {
    const taken = await trx
      .selectFrom('agendaItems')
      .select(['position', 'number'])
      .where('meetingId', '=', meetingId)
      .execute()
    await trx
      .updateTable('agendaItems')
      .set({
        position: taken.some((row) => row.position === position) ? lastPosition(taken) + 1 : position,
        number: number !== null && !taken.some((row) => row.number === number) ? number : null,
      })
      .where('id', '=', id)
      .execute()
  }

  for (const { source, exempt, meetingId, ...item } of fresh) {
    const meeting = meetingIds.get(meetingId)
    if (!meeting) {
      writer.skip('agenda item', source, `its meeting (${meetingId}) is not written`)
      continue
    }
    // A meeting made by this run has only the plan's items, each in its own place.
    const made = newMeetings.has(meeting)
    if (!made && item.number !== null && (await clashes(trx, meeting, { position: 0, number: item.number })))
      writer.skip('agenda item', source, `another item of its meeting here has its number, ${item.number}`)
    else
      await writer.record(
        'agenda item',
        source,
        { ...item, exemptReason: exempt ? RESTRICTED : null },
        {
          insert: async () => {
            const position = made ? item.position : await freePosition(trx, meeting, item.position)
            return (
              await insertImportedItem(trx, meeting, { ...item, exemptReason: exempt ? RESTRICTED : null, position })
            ).id
          },
          find: (id) => findImportedItem(trx, id),
          update: (id, changed) => updateImportedItem(trx, id, changed),
        },
      )
  }
}

/** Whether another item of the meeting has the place or the number. */
async function clashes(trx: Trx, meetingId: string, item: { position: number; number: string | null }, id = '') {
  const found = await trx
    .selectFrom('agendaItems')
    .select('id')
    .where('meetingId', '=', meetingId)
    .where((eb) =>
      eb.or([eb('position', '=', item.position), ...(item.number === null ? [] : [eb('number', '=', item.number)])]),
    )
    .executeTakeFirst()
  return found !== undefined && found.id !== id
}

const lastPosition = (rows: { position: number }[]) => Math.max(0, ...rows.map((row) => row.position))

/** The item's place in the plan, unless the meeting has an item there already (one added here since). */
async function freePosition(trx: Trx, meetingId: string, wanted: number) {
  const taken = await trx.selectFrom('agendaItems').select('position').where('meetingId', '=', meetingId).execute()
  return taken.some((row) => row.position === wanted) ? lastPosition(taken) + 1 : wanted
}
