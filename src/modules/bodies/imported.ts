import type { Trx } from '#src/database.ts'
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
