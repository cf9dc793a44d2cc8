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

/** The first finding of an inspection, by the inspection's address. */
export async function findingId(db: Db, inspectionSlug: string): Promise<string> {
  const row = await db
    .selectFrom('inspectionFindings')
    .innerJoin('inspections', 'inspections.id', 'inspectionFindings.inspectionId')
    .select('inspectionFindings.id')
    .where('inspections.slug', '=', inspectionSlug)
    .orderBy('inspectionFindings.id')
    .limit(1)
    .executeTakeFirstOrThrow()
  return row.id
}

/** The first theme of an improvement plan, by the plan's address. */
export async function themeId(db: Db, planSlug: string): Promise<string> {
  const row = await db
    .selectFrom('planThemes')
    .innerJoin('improvementPlans', 'improvementPlans.id', 'planThemes.planId')
    .select('planThemes.id')
    .where('improvementPlans.slug', '=', planSlug)
    .orderBy('planThemes.id')
    .limit(1)
    .executeTakeFirstOrThrow()
  return row.id
}

/** An indicator group by its key. */
export async function indicatorGroupId(db: Db, key: string): Promise<string> {
  const row = await db.selectFrom('indicatorGroups').select('id').where('key', '=', key).executeTakeFirstOrThrow()
  return row.id
}
