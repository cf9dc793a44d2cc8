import { z } from 'zod'
import type { Db, Trx } from '#src/database.ts'
import { demoDate, demoLookup, demoSlug, demoText } from '#src/platform/demo/records.ts'
import { BODY_KINDS, MEMBERSHIP_ROLES, PERSON_KINDS } from './schema.ts'

/** The demo's bodies, people and memberships (ADR 9); memberships name their body and person by slug. */
export const demoBodiesSchema = z.strictObject({
  bodies: z.array(z.strictObject({ slug: demoSlug, name: demoText, kind: z.enum(BODY_KINDS), remit: z.string() })),
  people: z.array(
    z.strictObject({
      slug: demoSlug,
      name: demoText,
      honorific: z.string().nullable(),
      kind: z.enum(PERSON_KINDS),
      organisation: z.string().nullable(),
      jobTitle: z.string().nullable(),
      email: z.email().nullable().default(null),
    }),
  ),
  memberships: z.array(
    z.strictObject({
      body: demoSlug,
      person: demoSlug,
      role: z.enum(MEMBERSHIP_ROLES),
      startsOn: demoDate.nullable().default(null),
      endsOn: demoDate.nullable().default(null),
    }),
  ),
})

export type DemoBodies = z.output<typeof demoBodiesSchema>

/** Inserts the demo's bodies, people and memberships; returns lookups from their slugs to their ids. */
export async function loadDemoBodies(trx: Trx, records: DemoBodies) {
  const bodies = await trx.insertInto('bodies').values(records.bodies).returning(['slug', 'id']).execute()
  const people = await trx.insertInto('people').values(records.people).returning(['slug', 'id']).execute()
  const bodyId = demoLookup(
    'the body',
    bodies.map((row) => [row.slug, row.id] as const),
  )
  const personId = demoLookup(
    'the person',
    people.map((row) => [row.slug, row.id] as const),
  )
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
