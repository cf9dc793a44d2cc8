import { z } from 'zod'
import type { Db, Trx } from '#src/database.ts'
import { demoDate, demoLookup, demoSlug, demoText } from '#src/platform/demo/records.ts'
import { BODY_KINDS, CO_OPTION_CATEGORIES, MEMBERSHIP_ROLES, PERSON_KINDS, VOTING_RIGHTS } from './schema.ts'

/** The demo's bodies, people and memberships (ADR 9); memberships name their body and person by slug. */
export const demoBodiesSchema = z.strictObject({
  bodies: z.array(
    z.strictObject({
      slug: demoSlug,
      name: demoText,
      kind: z.enum(BODY_KINDS),
      remit: z.string(),
      /** The slug of the body it reports to. */
      parent: demoSlug.nullable().default(null),
      establishedOn: demoDate.nullable().default(null),
      dissolvedOn: demoDate.nullable().default(null),
      defaultMeetingMinutes: z.int().min(15).max(720).nullable().default(null),
    }),
  ),
  people: z.array(
    z.strictObject({
      slug: demoSlug,
      name: demoText,
      honorific: z.string().nullable(),
      kind: z.enum(PERSON_KINDS),
      organisation: z.string().nullable(),
      jobTitle: z.string().nullable(),
      email: z.email().nullable().default(null),
      phone: z.string().nullable().default(null),
      party: z.string().nullable().default(null),
      ward: z.string().nullable().default(null),
      termStartsOn: demoDate.nullable().default(null),
      termEndsOn: demoDate.nullable().default(null),
      coOptionCategory: z.enum(CO_OPTION_CATEGORIES).nullable().default(null),
    }),
  ),
  memberships: z.array(
    z.strictObject({
      body: demoSlug,
      person: demoSlug,
      role: z.enum(MEMBERSHIP_ROLES),
      votingRights: z.enum(VOTING_RIGHTS).nullable().default(null),
      startsOn: demoDate.nullable().default(null),
      endsOn: demoDate.nullable().default(null),
    }),
  ),
})

export type DemoBodies = z.output<typeof demoBodiesSchema>

/** Inserts the demo's bodies, people and memberships; returns lookups from their slugs to their ids. */
export async function loadDemoBodies(trx: Trx, records: DemoBodies) {
  const bodies = await trx
    .insertInto('bodies')
    .values(records.bodies.map(({ parent: _parent, ...body }) => body))
    .returning(['slug', 'id'])
    .execute()
  const people = await trx.insertInto('people').values(records.people).returning(['slug', 'id']).execute()
  const bodyId = demoLookup(
    'the body',
    bodies.map((row) => [row.slug, row.id] as const),
  )
  const personId = demoLookup(
    'the person',
    people.map((row) => [row.slug, row.id] as const),
  )
  // Parents are set once every body has its id, so the file may list a body before its parent.
  const parents = records.bodies.flatMap((body) =>
    body.parent ? [{ bodyId: bodyId(body.slug), parentId: bodyId(body.parent) }] : [],
  )
  if (parents.length > 0) await trx.insertInto('bodyParents').values(parents).execute()
  if (records.memberships.length > 0) {
    await trx
      .insertInto('memberships')
      .values(
        records.memberships.map(({ body, person, ...membership }) => ({
          ...membership,
          bodyId: bodyId(body),
          personId: personId(person),
        })),
      )
      .execute()
  }
  return { bodyId, personId }
}

/** Whether any body is recorded: the demo loads only into a database that has none. */
export async function hasBodies(db: Db): Promise<boolean> {
  return Boolean(await db.selectFrom('bodies').select('id').limit(1).executeTakeFirst())
}
