import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { fromJsonRows, jsonRows } from '#src/platform/db/json-rows.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { BodyKind, CoOptionCategory, MembershipRole, PersonKind, VotingRights } from './tables.ts'

export interface BodyInput {
  name: string
  slug: string
  kind: BodyKind
  remit: string
  parentId: string | null
  establishedOn: string | null
  dissolvedOn: string | null
  defaultMeetingMinutes: number | null
}

export interface PersonInput {
  name: string
  slug: string
  honorific: string | null
  kind: PersonKind
  organisation: string | null
  jobTitle: string | null
  email: string | null
  phone: string | null
  party: string | null
  ward: string | null
  termStartsOn: string | null
  termEndsOn: string | null
  coOptionCategory: CoOptionCategory | null
}

export interface MembershipInput {
  bodyId: string
  personId: string
  role: MembershipRole
  votingRights: VotingRights | null
  startsOn: string | null
  endsOn: string | null
}

const bodyColumns = [
  'bodies.id',
  'bodies.slug',
  'bodies.name',
  'bodies.kind',
  'bodies.remit',
  'bodies.establishedOn',
  'bodies.dissolvedOn',
  'bodies.defaultMeetingMinutes',
  'bodies.version',
] as const
const personColumns = [
  'people.id',
  'people.slug',
  'people.name',
  'people.honorific',
  'people.kind',
  'people.organisation',
  'people.jobTitle',
  'people.email',
  'people.phone',
  'people.party',
  'people.ward',
  'people.termStartsOn',
  'people.termEndsOn',
  'people.coOptionCategory',
  'people.version',
] as const

export function createBodiesRepository(db: Db) {
  /** Bodies with the body each reports to (parentId, null for none). */
  const bodiesWithParent = (trx: Db | Trx = db) =>
    trx
      .selectFrom('bodies')
      .leftJoin('bodyParents', 'bodyParents.bodyId', 'bodies.id')
      .select([...bodyColumns, 'bodyParents.parentId'])

  /** Every membership with its person (and the body's id). */
  const membershipsWithPeople = () =>
    db
      .selectFrom('memberships')
      .innerJoin('people', 'people.id', 'memberships.personId')
      .select([
        'memberships.id',
        'memberships.role',
        'memberships.votingRights',
        'memberships.startsOn',
        'memberships.endsOn',
        ...personColumns,
        'people.id as personId',
        // `id` is the person's (their columns come after), so the membership's has a name of its own.
        'memberships.id as membershipId',
        'memberships.bodyId',
      ])
  type Row<Q extends { execute(): Promise<unknown[]> }> = Awaited<ReturnType<Q['execute']>>[number]
  const everyPerson = () => db.selectFrom('people').select(personColumns)

  /** Sets or clears the body's parent. */
  async function setParent(trx: Trx, bodyId: string, parentId: string | null) {
    await trx.deleteFrom('bodyParents').where('bodyId', '=', bodyId).execute()
    if (parentId) await trx.insertInto('bodyParents').values({ bodyId, parentId }).execute()
  }

  const repository = {
    findBodyBySlug(slug: string) {
      return bodiesWithParent().where('bodies.slug', '=', slug).executeTakeFirst()
    },
    findBodyById(id: string, trx: Db | Trx = db) {
      return bodiesWithParent(trx).where('bodies.id', '=', id).executeTakeFirst()
    },
    /** Each body's parent, by id: enough to follow any body up to the top. */
    async parentsOfBodies(trx: Db | Trx = db) {
      const rows = await bodiesWithParent(trx).execute()
      return new Map(rows.map((row) => [row.id, row.parentId] as const))
    },
    slugTaken(table: 'bodies' | 'people', slug: string, exceptId?: string) {
      let query = db.selectFrom(table).select('id').where('slug', '=', slug)
      if (exceptId) query = query.where('id', '!=', exceptId)
      return query.executeTakeFirst().then(Boolean)
    },
    async insertBody(trx: Trx, { parentId, ...input }: BodyInput) {
      const { id } = await trx.insertInto('bodies').values(input).returning('id').executeTakeFirstOrThrow()
      await setParent(trx, id, parentId)
      return (await repository.findBodyById(id, trx))!
    },
    /** Changes the body if it is still at `version`; undefined when it is not. */
    async updateBody(trx: Trx, id: string, version: number, { parentId, ...input }: BodyInput) {
      const changed = await trx
        .updateTable('bodies')
        .set({ ...input, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst()
      if (!changed) return undefined
      await setParent(trx, id, parentId)
      return repository.findBodyById(id, trx)
    },
    /**
     * Every body (with its parent), every person and every membership (with its person), each by
     * name, in one query: a council has few, and a page gathered from several modules wants all three.
     */
    async register() {
      const row = await db
        .selectNoFrom([
          jsonRows(sql`${bodiesWithParent()}`, sql`listed.name`).as('bodies'),
          jsonRows(sql`${everyPerson()}`, sql`listed.name`).as('people'),
          jsonRows(sql`${membershipsWithPeople()}`, sql`listed.name`).as('memberships'),
        ])
        .executeTakeFirstOrThrow()
      return {
        bodies: fromJsonRows<Row<ReturnType<typeof bodiesWithParent>>>(row.bodies),
        people: fromJsonRows<Row<ReturnType<typeof everyPerson>>>(row.people),
        memberships: fromJsonRows<Row<ReturnType<typeof membershipsWithPeople>>>(row.memberships),
      }
    },
    membershipsOfPerson(personId: string) {
      return db
        .selectFrom('memberships')
        .innerJoin('bodies', 'bodies.id', 'memberships.bodyId')
        .select([
          'memberships.id',
          'memberships.role',
          'memberships.votingRights',
          'memberships.startsOn',
          'memberships.endsOn',
          'bodies.id as bodyId',
          'bodies.name as bodyName',
          'bodies.slug as bodySlug',
        ])
        .where('memberships.personId', '=', personId)
        .orderBy('bodies.name')
        .execute()
    },
    /** Body ids where the person holds a membership on `today`. */
    insertMembership(trx: Trx, input: MembershipInput) {
      return trx.insertInto('memberships').values(input).returningAll().executeTakeFirstOrThrow()
    },
    findMembership(id: string) {
      return db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst()
    },
    endMembership(trx: Trx, id: string, endsOn: string) {
      return trx
        .updateTable('memberships')
        .set({ endsOn })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    findPersonBySlug(slug: string) {
      return db.selectFrom('people').select(personColumns).where('slug', '=', slug).executeTakeFirst()
    },
    findPeopleByIds(ids: string[], trx: Db | Trx = db) {
      if (ids.length === 0) return Promise.resolve([])
      return trx.selectFrom('people').select(personColumns).where('id', 'in', ids).execute()
    },
    insertPerson(trx: Trx, input: PersonInput) {
      return trx.insertInto('people').values(input).returning(personColumns).executeTakeFirstOrThrow()
    },
    /** Changes the person if they are still at `version`; undefined when they are not. */
    updatePerson(trx: Trx, id: string, version: number, input: PersonInput) {
      return trx
        .updateTable('people')
        .set({ ...input, version: nextVersion() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(personColumns)
        .executeTakeFirst()
    },
  }
  return repository
}

export type BodiesRepository = ReturnType<typeof createBodiesRepository>
export type BodyRow = NonNullable<Awaited<ReturnType<BodiesRepository['findBodyBySlug']>>>
export type PersonRow = NonNullable<Awaited<ReturnType<BodiesRepository['findPersonBySlug']>>>
