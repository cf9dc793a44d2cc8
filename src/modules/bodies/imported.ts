import type { Trx } from '#src/database.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import { slugify } from './slug.ts'
import type { BodiesTable, MembershipsTable, PeopleTable } from './tables.ts'

export type ImportedBody = Pick<BodiesTable, 'name' | 'kind'>
export type ImportedMembership = Pick<MembershipsTable, 'bodyId' | 'personId' | 'role'>
export type ImportedPerson = Pick<
  PeopleTable,
  'name' | 'honorific' | 'kind' | 'party' | 'ward' | 'termStartsOn' | 'termEndsOn'
>

/** A slug from the name, "-2" and on when taken; read in the import's own transaction, which may have taken some. */
async function freeSlug(trx: Trx, table: 'bodies' | 'people', name: string) {
  const base = slugify(name) || table
  const taken = new Set(
    (await trx.selectFrom(table).select('slug').where('slug', 'like', `${base}%`).execute()).map((row) => row.slug),
  )
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  return slug
}

/**
 * Writes a body another system's record gives, inside the import's transaction (which audits it), as
 * the demo's loader does (ADR 9). What the import does not know (remit, dates) is left empty.
 */
export async function insertImportedBody(trx: Trx, body: ImportedBody) {
  const slug = await freeSlug(trx, 'bodies', body.name)
  return trx
    .insertInto('bodies')
    .values({ ...body, slug, remit: '', establishedOn: null, dissolvedOn: null, defaultMeetingMinutes: null })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow()
}

export async function insertImportedPerson(trx: Trx, person: ImportedPerson) {
  const slug = await freeSlug(trx, 'people', person.name)
  return trx
    .insertInto('people')
    .values({ ...person, slug, organisation: null, jobTitle: null, email: null, phone: null, coOptionCategory: null })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow()
}

/** A membership with the role the other system gives; its dates and a co-optee's voting rights are not known. */
export async function insertImportedMembership(trx: Trx, membership: ImportedMembership) {
  return trx
    .insertInto('memberships')
    .values({ ...membership, startsOn: null, endsOn: null, votingRights: null })
    .returning(['id'])
    .executeTakeFirstOrThrow()
}

/*
 * A later import reads the imported fields of a record as they are here, to tell an edit made here from
 * a change made in the other system, and writes a change only to a record not edited here since. Slugs
 * stay as they are, so addresses do not change; the version goes up, so an edit form opened before is told.
 */

export function findImportedBody(trx: Trx, id: string): Promise<ImportedBody | undefined> {
  return trx.selectFrom('bodies').select(['name', 'kind']).where('id', '=', id).executeTakeFirst()
}

export function updateImportedBody(trx: Trx, id: string, body: ImportedBody) {
  return trx
    .updateTable('bodies')
    .set({ ...body, version: nextVersion() })
    .where('id', '=', id)
    .returning(['id', 'name', 'kind'])
    .executeTakeFirstOrThrow()
}

const personFields = ['name', 'honorific', 'kind', 'party', 'ward', 'termStartsOn', 'termEndsOn'] as const

export function findImportedPerson(trx: Trx, id: string): Promise<ImportedPerson | undefined> {
  return trx.selectFrom('people').select(personFields).where('id', '=', id).executeTakeFirst()
}

export function updateImportedPerson(trx: Trx, id: string, person: ImportedPerson) {
  return trx
    .updateTable('people')
    .set({ ...person, version: nextVersion() })
    .where('id', '=', id)
    .returning(['id', ...personFields])
    .executeTakeFirstOrThrow()
}

export function findImportedMembership(trx: Trx, id: string): Promise<ImportedMembership | undefined> {
  return trx.selectFrom('memberships').select(['bodyId', 'personId', 'role']).where('id', '=', id).executeTakeFirst()
}

export function updateImportedMembership(trx: Trx, id: string, membership: ImportedMembership) {
  return trx
    .updateTable('memberships')
    .set(membership)
    .where('id', '=', id)
    .returning(['id', 'bodyId', 'personId', 'role'])
    .executeTakeFirstOrThrow()
}
