import { sql } from 'kysely'
import type { Trx } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { ApplyCounts, ImportConflict, ImportSkip } from './apply.ts'
import { differingFields } from './changes.ts'
import type { Source } from './moderngov/plan.ts'
import type { ImportedRecordType } from './tables.ts'

/** How one type of record is written, found and changed here, by its owning module. */
export interface RecordWrites<F> {
  insert: () => Promise<string>
  /** The record's imported fields as they are here; undefined when it was deleted here. */
  find: (id: string) => Promise<F | undefined>
  /** Changes the record from `here`, as it is, to `fields`. */
  update: (id: string, fields: F, here: F) => Promise<object>
  /** Fields that change here without anyone editing the record (an item's place, when items are added here). */
  ignoreHere?: readonly string[]
  /** Fields the import may not change here (those of minutes approved as a correct record): a change is a conflict. */
  fixed?: readonly string[]
}

export interface Tally {
  created: ApplyCounts
  updated: ApplyCounts
  unchanged: ApplyCounts
  conflicts: ImportConflict[]
  skipped: ImportSkip[]
}

type Fields = Record<string, unknown>

/**
 * Writes each planned record as the import's rules say. New: inserted, with its provenance and an audit
 * event. Imported before: unchanged when the plan gives what the last import gave; updated when it gives
 * something else and the record here is still as last imported (and the change touches no field fixed
 * here); otherwise edited here since, or fixed, so left as it is and listed as a conflict. A record
 * imported before its fields were kept (fields null) is taken as unchanged when it equals the plan, and
 * listed as a conflict when not, since an edit here cannot be told from a change there.
 */
export async function createRecordWriter(trx: Trx, ctx: Context, tally: Tally) {
  const known = new Map(
    (
      await trx
        .selectFrom('importSources')
        .select(['recordType', 'sourceId', 'recordId', 'fields'])
        .where('system', '=', 'moderngov')
        .execute()
    ).map((row) => [`${row.recordType}/${row.sourceId}`, { id: row.recordId, fields: row.fields }]),
  )
  const gone = await deletedHere(trx)
  /** The records here, by type and source id, that this run wrote or found; a record deleted here is not one. */
  const written = new Map<string, string>()

  async function keepFields(type: ImportedRecordType, source: Source, fields: object) {
    await trx
      .updateTable('importSources')
      .set({ fields: JSON.stringify(fields), importedAt: sql<Date>`now()`, sourceAddress: source.file })
      .where('system', '=', 'moderngov')
      .where('recordType', '=', type)
      .where('sourceId', '=', source.id)
      .execute()
  }

  function skip(type: ImportedRecordType, source: Source, reason: string) {
    tally.skipped.push({ type, sourceId: source.id, file: source.file, reason })
    return undefined
  }

  return {
    skip,
    /** Whether the source's record was imported before. */
    importedBefore: (type: ImportedRecordType, sourceId: string) => known.has(`${type}/${sourceId}`),
    /** The id here of a record this run wrote or found, by the council's id for it. */
    idOf: (type: ImportedRecordType, sourceId: string | null) =>
      sourceId === null ? undefined : written.get(`${type}/${sourceId}`),

    /** The record's id here, or undefined when it is not written (and the skip is listed). */
    async record<F extends object>(
      type: ImportedRecordType,
      source: Source,
      planned: F,
      writes: RecordWrites<F>,
    ): Promise<string | undefined> {
      const key = `${type}/${source.id}`
      const earlier = known.get(key)
      if (!earlier) {
        const id = await writes.insert()
        await trx
          .insertInto('importSources')
          // From a folder, the address is the saved file's name.
          .values({
            system: 'moderngov',
            recordType: type,
            sourceId: source.id,
            recordId: id,
            sourceAddress: source.file,
            fields: JSON.stringify(planned),
          })
          .execute()
        await recordAudit(trx, ctx, {
          action: `imported ${type}`,
          subjectType: type,
          subjectId: id,
          after: { ...planned, source },
        })
        known.set(key, { id, fields: planned as Fields })
        written.set(key, id)
        tally.created[type] += 1
        return id
      }
      if (gone.has(key)) return skip(type, source, 'it was deleted here after an earlier import')
      const plannedFields = planned as Fields
      const last = earlier.fields
      if (last && differingFields(plannedFields, last).length === 0) {
        written.set(key, earlier.id)
        tally.unchanged[type] += 1
        return earlier.id
      }
      const here = await writes.find(earlier.id)
      if (!here) return skip(type, source, 'it was deleted here after an earlier import')
      written.set(key, earlier.id)
      const ignore = writes.ignoreHere ?? []
      const differ = differingFields(plannedFields, here as Fields, ignore)
      const editedHere = last ? differingFields(here as Fields, last, ignore).length > 0 : differ.length > 0
      const fixed = differ.filter((name) => writes.fixed?.includes(name))
      if (!editedHere && last && !fixed.length) {
        const after = await writes.update(earlier.id, planned, here)
        await keepFields(type, source, planned)
        await recordAudit(trx, ctx, {
          action: 'updated from import',
          subjectType: type,
          subjectId: earlier.id,
          before: here,
          after: { ...after, source },
        })
        tally.updated[type] += 1
        return earlier.id
      }
      if (differ.length === 0) {
        // Already as the plan gives it: edited here to the same, or imported before its fields were kept.
        await keepFields(type, source, planned)
        tally.unchanged[type] += 1
        return earlier.id
      }
      tally.conflicts.push({ type, sourceId: source.id, recordId: earlier.id, file: source.file, fields: differ })
      return earlier.id
    },
  }
}

const TABLES: Record<ImportedRecordType, string> = {
  body: 'bodies',
  person: 'people',
  membership: 'memberships',
  meeting: 'meetings',
  'agenda item': 'agenda_items',
  attendance: 'attendance',
  document: 'item_documents',
}

/**
 * The records imported before and deleted here since (their provenance stays), as type/source id: not
 * written again, and nothing is written under them, in one query whatever the size of the record.
 */
async function deletedHere(trx: Trx): Promise<Set<string>> {
  const found = Object.entries(TABLES).map(
    ([type, table]) =>
      sql`(s.record_type = ${type} and exists (select 1 from ${sql.raw(table)} t where t.id = s.record_id))`,
  )
  const { rows } = await sql<{ recordType: string; sourceId: string }>`
    select s.record_type, s.source_id from import_sources s
    where s.system = 'moderngov' and not (${sql.join(found, sql` or `)})`.execute(trx)
  return new Set(rows.map((row) => `${row.recordType}/${row.sourceId}`))
}

export type RecordWriter = Awaited<ReturnType<typeof createRecordWriter>>
