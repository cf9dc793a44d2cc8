import type { Db, Trx } from '#src/database.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { PetitionForm } from './schema.ts'

type Reader = Db | Trx

const columns = [
  'petitions.id',
  'petitions.slug',
  'petitions.title',
  'petitions.leadPetitioner',
  'petitions.leadNamed',
  'petitions.paperSignatures',
  'petitions.ePetitionSignatures',
  'petitions.bodyId',
  'petitions.presentedOn',
  'petitions.threshold',
  'petitions.response',
  'petitions.respondedOn',
  'petitions.createdAt',
  'petitions.version',
] as const

/** Queries for petitions. No rules here. */
export function createPetitionsRepository(db: Db) {
  const withBody = (trx: Reader) =>
    trx
      .selectFrom('petitions')
      .leftJoin('bodies', 'bodies.id', 'petitions.bodyId')
      .select(columns)
      .select(['bodies.name as bodyName', 'bodies.slug as bodySlug'])

  return {
    /** Newest first: by the date presented (not yet presented first), then the newest recorded. */
    list() {
      return withBody(db)
        .orderBy('petitions.presentedOn', (ob) => ob.desc().nullsFirst())
        .orderBy('petitions.createdAt', 'desc')
        .execute()
    },
    find(slug: string, trx: Reader = db) {
      return withBody(trx).where('petitions.slug', '=', slug).executeTakeFirst()
    },
    /** The days petitions were presented to the body, one a petition. */
    async presentedTo(bodyId: string) {
      const rows = await db
        .selectFrom('petitions')
        .select('presentedOn')
        .where('bodyId', '=', bodyId)
        .where('presentedOn', 'is not', null)
        .execute()
      return rows.flatMap((row) => (row.presentedOn ? [row.presentedOn] : []))
    },
    /** The bodies a petition may be presented to, for the form's list. */
    bodies() {
      return db.selectFrom('bodies').select(['id', 'name']).orderBy('name').execute()
    },
    bodyExists(id: string, trx: Reader = db) {
      return trx
        .selectFrom('bodies')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst()
        .then((row) => Boolean(row))
    },
    slugTaken(slug: string, trx: Reader = db) {
      return trx
        .selectFrom('petitions')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst()
        .then((row) => Boolean(row))
    },
    insert(trx: Trx, row: PetitionForm & { slug: string }) {
      return trx.insertInto('petitions').values(row).returningAll().executeTakeFirstOrThrow()
    },
    /** Changes a petition if it is still at `version`; undefined when it is not. */
    update(trx: Trx, id: string, version: number, changes: PetitionForm) {
      return trx
        .updateTable('petitions')
        .set({ ...changes, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst()
    },
  }
}

export type PetitionsRepository = ReturnType<typeof createPetitionsRepository>
export type PetitionRow = NonNullable<Awaited<ReturnType<PetitionsRepository['find']>>>
