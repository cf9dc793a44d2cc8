import type { Db, Trx } from '#src/database.ts'
import { slugify } from '#src/modules/bodies/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { GroupForm } from './schema.ts'

type Reader = Db | Trx

/** Queries for the council's indicator groups. No rules here. */
export function createGroupsRepository(db: Db) {
  return {
    listGroups(trx: Reader = db) {
      return trx.selectFrom('indicatorGroups').selectAll().orderBy('position').orderBy('name').execute()
    },
    findGroup(id: string, trx: Reader = db) {
      if (!isUuid(id)) return Promise.resolve(undefined)
      return trx.selectFrom('indicatorGroups').selectAll().where('id', '=', id).executeTakeFirst()
    },
    findGroupByKey(key: string, trx: Reader = db) {
      return trx.selectFrom('indicatorGroups').selectAll().where('key', '=', key).executeTakeFirst()
    },
    /** A group with this name (any case) or key, other than `exceptId`. */
    clash(name: string, key: string, exceptId: string | null, trx: Reader = db) {
      let query = trx
        .selectFrom('indicatorGroups')
        .select('id')
        .where((eb) => eb.or([eb(eb.fn('lower', ['name']), '=', name.toLowerCase()), eb('key', '=', key)]))
      if (exceptId) query = query.where('id', '<>', exceptId)
      return query.executeTakeFirst()
    },
    nextPosition(trx: Trx) {
      return trx
        .selectFrom('indicatorGroups')
        .select((eb) => eb.fn.max('position').as('max'))
        .executeTakeFirst()
        .then((row) => Number(row?.max ?? 0) + 1)
    },
    insertGroup(trx: Trx, row: { key: string; name: string; position: number }) {
      return trx.insertInto('indicatorGroups').values(row).returningAll().executeTakeFirstOrThrow()
    },
    /** Renames or moves a group if it is still at `version`; undefined when it is not. Its key stays. */
    updateGroup(trx: Trx, id: string, version: number, changes: { name: string; position: number }) {
      return trx
        .updateTable('indicatorGroups')
        .set({ ...changes, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst()
    },
  }
}

export type GroupsRepository = ReturnType<typeof createGroupsRepository>

/**
 * The council's own indicator groups (its outcomes, themes…): analysts add, rename and reorder
 * them. An indicator names its group by key, made from the first name and kept on renaming.
 */
export function createGroupsService(deps: { db: Db; groups: GroupsRepository }) {
  const { db, groups } = deps

  async function groupOrThrow(id: string, trx: Reader = db) {
    const group = await groups.findGroup(id, trx)
    if (!group) throw new NotFoundError('Indicator group')
    return group
  }

  return {
    listGroups: (_ctx: Context) => groups.listGroups(),

    /** The groups for the analysts' page, and the group being changed when there is one. */
    async groupForm(ctx: Context, id: string | null) {
      assertCan(ctx.user, 'indicators:edit')
      return id ? groupOrThrow(id) : null
    },

    /** Adds a group; without a position it goes last. */
    async addGroup(ctx: Context, input: GroupForm) {
      assertCan(ctx.user, 'indicators:edit')
      const key = slugify(input.name).replace(/-/g, ' ')
      if (!key) throw new RuleError('The name must include letters or numbers', 'name')
      return withTransaction(db, async (trx) => {
        if (await groups.clash(input.name, key, null, trx))
          throw new RuleError('There is already a group with this name', 'name')
        const position = input.position ?? (await groups.nextPosition(trx))
        const group = await groups.insertGroup(trx, { key, name: input.name, position })
        await recordAudit(trx, ctx, {
          action: 'added indicator group',
          subjectType: 'indicator group',
          subjectId: group.id,
          after: group,
        })
        return group
      })
    },

    /** Renames or moves a group; its indicators stay in it. */
    async changeGroup(ctx: Context, id: string, version: number | null, input: GroupForm) {
      assertCan(ctx.user, 'indicators:edit')
      return withTransaction(db, async (trx) => {
        const before = await groupOrThrow(id, trx)
        if (await groups.clash(input.name, before.key, id, trx))
          throw new RuleError('There is already a group with this name', 'name')
        const after = await writeAtVersion(
          trx,
          { what: 'This group', subjectType: 'indicator group', expected: version },
          (at) => groups.updateGroup(trx, id, at, { name: input.name, position: input.position ?? before.position }),
          () => groups.findGroup(id, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'changed indicator group',
          subjectType: 'indicator group',
          subjectId: id,
          before,
          after,
        })
        return after
      })
    },
  }
}
