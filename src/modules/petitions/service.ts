import type { Db, Trx } from '#src/database.ts'
import { isReservedSlug, slugify } from '#src/modules/bodies/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { readsUntilChanged } from '#src/platform/request-reads.ts'
import type { PetitionRow, PetitionsRepository } from './repository.ts'
import type { PetitionForm } from './schema.ts'

/**
 * A petition as anyone may read it: the lead petitioner only when they agreed to be named (null
 * otherwise), and the signatures on paper and online added up.
 */
export function publicPetition(row: PetitionRow) {
  const { leadPetitioner, ...rest } = row
  return {
    ...rest,
    leadPetitioner: row.leadNamed && leadPetitioner ? leadPetitioner : null,
    totalSignatures: row.paperSignatures + row.ePetitionSignatures,
  }
}
export type PublicPetition = ReturnType<typeof publicPetition>

export function createPetitionsService(deps: {
  db: Db
  repository: PetitionsRepository
  readsAcrossRequests: boolean
}) {
  const { db, repository: repo } = deps
  const presentedTo = readsUntilChanged('petitions presented', (_ctx, bodyId: string) => repo.presentedTo(bodyId), {
    acrossRequests: deps.readsAcrossRequests,
    keep: 50,
  })

  /** A body chosen on the form must still exist. */
  async function checkBody(input: PetitionForm, trx: Trx) {
    if (input.bodyId && !(await repo.bodyExists(input.bodyId, trx)))
      throw new RuleError('Choose a committee from the list', 'bodyId')
  }

  /** The title's slug, numbered when another petition has it already. */
  async function freeSlug(title: string, trx: Trx) {
    const base = slugify(title)
    if (!base) throw new RuleError('The title must include letters or numbers', 'title')
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`
      if (!isReservedSlug(slug) && !(await repo.slugTaken(slug, trx))) return slug
    }
  }

  async function toEdit(ctx: Context, slug: string) {
    assertCan(ctx.user, 'petitions:edit')
    const petition = await repo.find(slug)
    if (!petition) throw new NotFoundError('Petition')
    return petition
  }

  return {
    /** Every petition, newest first, as the public reads them. */
    async list(_ctx: Context) {
      return (await repo.list()).map(publicPetition)
    },

    async petition(_ctx: Context, slug: string) {
      const petition = await repo.find(slug)
      if (!petition) throw new NotFoundError('Petition')
      return publicPetition(petition)
    },

    /** The days petitions were presented to a body, one a petition: public, as petitions are. */
    presentedTo,

    /** The bodies for the form's list; only for those who may record petitions. */
    bodies(ctx: Context) {
      assertCan(ctx.user, 'petitions:edit')
      return repo.bodies()
    },

    /** A petition as its change form shows it, lead petitioner and all. */
    toEdit,

    async add(ctx: Context, input: PetitionForm) {
      assertCan(ctx.user, 'petitions:edit')
      return withTransaction(db, async (trx) => {
        await checkBody(input, trx)
        const petition = await repo.insert(trx, { ...input, slug: await freeSlug(input.title, trx) })
        await recordAudit(trx, ctx, {
          action: 'added petition',
          subjectType: 'petition',
          subjectId: petition.id,
          after: petition,
        })
        return petition
      })
    },

    /** Changes a petition; its address stays. */
    async change(ctx: Context, slug: string, version: number | null, input: PetitionForm) {
      const before = await toEdit(ctx, slug)
      return withTransaction(db, async (trx) => {
        await checkBody(input, trx)
        const after = await writeAtVersion(
          trx,
          { what: 'This petition', subjectType: 'petition', expected: version },
          (at) => repo.update(trx, before.id, at, input),
          () => repo.find(slug, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'changed petition',
          subjectType: 'petition',
          subjectId: before.id,
          before,
          after,
        })
        return after
      })
    },
  }
}

export type PetitionsService = ReturnType<typeof createPetitionsService>
