import type { Db } from '#src/database.ts'

/**
 * Ids the demo data gets afresh on every load, looked up so a page list can name the page by what
 * it shows. Journeys reach these pages through links; the accessibility scan goes to them directly.
 */
export async function appendixId(db: Db, label: string): Promise<string> {
  const row = await db.selectFrom('appendices').select('id').where('label', '=', label).executeTakeFirstOrThrow()
  return row.id
}

export async function recommendationId(db: Db, bodySlug: string, number: string): Promise<string> {
  const row = await db
    .selectFrom('recommendations')
    .innerJoin('bodies', 'bodies.id', 'recommendations.bodyId')
    .select('recommendations.id')
    .where('bodies.slug', '=', bodySlug)
    .where('recommendations.number', '=', number)
    .executeTakeFirstOrThrow()
  return row.id
}

export async function workProgrammeItemId(db: Db, bodySlug: string): Promise<string> {
  const row = await db
    .selectFrom('workProgrammeItems')
    .innerJoin('bodies', 'bodies.id', 'workProgrammeItems.bodyId')
    .select('workProgrammeItems.id')
    .where('bodies.slug', '=', bodySlug)
    .orderBy('workProgrammeItems.id')
    .limit(1)
    .executeTakeFirstOrThrow()
  return row.id
}
