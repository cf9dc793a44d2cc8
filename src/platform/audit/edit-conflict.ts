import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { type EditConflict, EditConflictError } from '#src/platform/http/errors.ts'

/** A save made from an edit form, as a refusal would name it. */
export interface VersionedEdit extends Pick<EditConflict, 'what' | 'plural' | 'subjectType' | 'expected'> {
  /** The parent's id for a record audited under its parent; by default the record's own id. */
  subjectId?: string
}

type Current = { id: string; version: number } | undefined

/** "Jane Smith <jane@example.org>" → "Jane Smith"; the system is nobody a reader could ask. */
function nameOf(actorLabel: string): string | null {
  if (actorLabel === 'system') return null
  return actorLabel.replace(/\s*<[^>]*>$/, '') || null
}

/**
 * The refusal of a save made at an older version of a record, saying who made the change that is
 * current and when: the latest audit event of the subject whose `after` is this record. Read in
 * the refused transaction, which sees the change that committed first.
 */
export async function editConflict(trx: Trx | Db, edit: VersionedEdit, current: Current): Promise<EditConflictError> {
  const subjectId = edit.subjectId ?? current?.id ?? null
  const latest =
    current && subjectId
      ? await trx
          .selectFrom('auditEvents')
          .select(['at', 'actorLabel'])
          .where('subjectType', '=', edit.subjectType)
          .where('subjectId', '=', subjectId)
          .where(sql<string>`${sql.ref('after')}->>'id'`, '=', current.id)
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined
  return new EditConflictError({
    what: edit.what,
    plural: edit.plural,
    subjectType: edit.subjectType,
    subjectId,
    recordId: current?.id ?? null,
    expected: edit.expected,
    current: current?.version ?? 0,
    changedBy: latest ? nameOf(latest.actorLabel) : null,
    changedAt: latest?.at ?? null,
  })
}

/**
 * A write made from an edit form, refused unless the record is still at the version the form was
 * opened at. `write` makes the check and the change in one statement (`… where version = $expected`)
 * and returns undefined when no row was at that version; `current` reads the record as it is now.
 * A form that gave no version (`expected` null) is refused without writing.
 */
export async function writeAtVersion<T>(
  trx: Trx,
  edit: VersionedEdit,
  write: (expected: number) => Promise<T | undefined>,
  current: () => Promise<Current>,
): Promise<T> {
  if (edit.expected !== null) {
    const written = await write(edit.expected)
    if (written !== undefined) return written
  }
  throw await editConflict(trx, edit, await current())
}
