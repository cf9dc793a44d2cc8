import type { Db } from '#src/database.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import { longDate } from '#src/platform/views/filters.ts'

/** What the audit trail shows for an event's record: its name, and its page when it has one. */
export interface SubjectName {
  title: string
  href: string | null
}

type Namer = (db: Db, ids: string[]) => Promise<[string, SubjectName][]>

/**
 * A READ-ONLY PROJECTION of record names for the audit trail: for each kind of record whose changes are
 * audited, its name and its page, read from the tables of the module that owns it (bodies, meetings,
 * decisions, …) in one query per kind for a page of events. It never writes. The audit trail is for
 * admins only, so it names exempt records too; their pages keep their own rules.
 */
const NAMERS: Record<string, Namer> = {
  body: async (db, ids) =>
    (await db.selectFrom('bodies').select(['id', 'name', 'slug']).where('id', 'in', ids).execute()).map((row) => [
      row.id,
      { title: row.name, href: `/bodies/${row.slug}` },
    ]),
  person: async (db, ids) =>
    (await db.selectFrom('people').select(['id', 'name', 'slug']).where('id', 'in', ids).execute()).map((row) => [
      row.id,
      { title: row.name, href: `/people/${row.slug}` },
    ]),
  user: async (db, ids) =>
    (await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute()).map((row) => [
      row.id,
      { title: `${row.name} (${row.email})`, href: `/admin/accounts/${row.id}` },
    ]),
  meeting: async (db, ids) => meetingNames(db, ids, ''),
  minutes: async (db, ids) =>
    (await meetingNames(db, ids, '/minutes')).map(([id, name]) => [id, { ...name, title: `Minutes of ${name.title}` }]),
  'agenda item': async (db, ids) =>
    (
      await db
        .selectFrom('agendaItems')
        .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
        .select(['agendaItems.id', 'agendaItems.number', 'agendaItems.title', 'meetings.slug'])
        .where('agendaItems.id', 'in', ids)
        .execute()
    ).map((row) => [
      row.id,
      { title: `${row.number ? `${row.number} ` : ''}${row.title}`, href: `/meetings/${row.slug}` },
    ]),
  report: async (db, ids) =>
    (
      await db
        .selectFrom('reports')
        .innerJoin('agendaItems', 'agendaItems.id', 'reports.agendaItemId')
        .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
        .select(['reports.id', 'reports.title', 'agendaItems.position', 'meetings.slug'])
        .where('reports.id', 'in', ids)
        .execute()
    ).map((row) => [row.id, { title: row.title, href: `/meetings/${row.slug}/items/${row.position}/report` }]),
  decision: async (db, ids) =>
    (await db.selectFrom('decisions').select(['id', 'number', 'title', 'slug']).where('id', 'in', ids).execute()).map(
      (row) => [
        row.id,
        { title: row.number ? `${row.number} ${row.title}` : row.title, href: `/decisions/${row.slug}` },
      ],
    ),
  'forward plan': async (db, ids) =>
    (await db.selectFrom('forwardPlans').select(['id', 'title', 'slug']).where('id', 'in', ids).execute()).map(
      (row) => [row.id, { title: row.title, href: `/forward-plan/${row.slug}` }],
    ),
  recommendation: async (db, ids) =>
    (
      await db
        .selectFrom('recommendations')
        .innerJoin('bodies', 'bodies.id', 'recommendations.bodyId')
        .select(['recommendations.id', 'recommendations.number', 'recommendations.text', 'bodies.name'])
        .where('recommendations.id', 'in', ids)
        .execute()
    ).map((row) => [
      row.id,
      { title: `${row.name}, recommendation ${row.number}: ${clip(row.text)}`, href: `/recommendations/${row.id}` },
    ]),
  'work programme item': async (db, ids) =>
    (
      await db
        .selectFrom('workProgrammeItems')
        .innerJoin('bodies', 'bodies.id', 'workProgrammeItems.bodyId')
        .select(['workProgrammeItems.id', 'workProgrammeItems.title', 'bodies.slug'])
        .where('workProgrammeItems.id', 'in', ids)
        .execute()
    ).map((row) => [row.id, { title: row.title, href: `/bodies/${row.slug}/work-programme/${row.id}` }]),
  'improvement plan': async (db, ids) =>
    (await db.selectFrom('improvementPlans').select(['id', 'title', 'slug']).where('id', 'in', ids).execute()).map(
      (row) => [row.id, { title: row.title, href: `/improvement-plans/${row.slug}` }],
    ),
  indicator: async (db, ids) =>
    (await db.selectFrom('indicators').select(['id', 'code', 'name']).where('id', 'in', ids).execute()).map((row) => [
      row.id,
      { title: `${row.code} ${row.name}`, href: `/outcomes/${encodeURIComponent(row.code)}` },
    ]),
  'health service': async (db, ids) =>
    (await db.selectFrom('healthServices').select(['id', 'name', 'slug']).where('id', 'in', ids).execute()).map(
      (row) => [row.id, { title: row.name, href: `/waiting-lists/${row.slug}` }],
    ),
  petition: async (db, ids) =>
    (await db.selectFrom('petitions').select(['id', 'title', 'slug']).where('id', 'in', ids).execute()).map((row) => [
      row.id,
      { title: row.title, href: `/petitions/${row.slug}` },
    ]),
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}

async function meetingNames(db: Db, ids: string[], suffix: string): Promise<[string, SubjectName][]> {
  const rows = await db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select(['meetings.id', 'meetings.slug', 'meetings.date', 'bodies.name'])
    .where('meetings.id', 'in', ids)
    .execute()
  return rows.map((row) => [
    row.id,
    { title: `${row.name}, ${longDate(row.date)}`, href: `/meetings/${row.slug}${suffix}` },
  ])
}

/**
 * The names of the records a page of audit events is about, by type and id ('meeting/…'). A record
 * deleted since, a kind without a name here, or an id that is not one (a test's, the system's) is
 * missing from the map: the trail shows its type and id as recorded.
 */
export async function subjectNames(
  db: Db,
  events: { subjectType: string; subjectId: string }[],
): Promise<Map<string, SubjectName>> {
  const byType = new Map<string, Set<string>>()
  for (const { subjectType, subjectId } of events)
    if (NAMERS[subjectType] && isUuid(subjectId))
      byType.set(subjectType, (byType.get(subjectType) ?? new Set()).add(subjectId))
  const names = new Map<string, SubjectName>()
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const namer = NAMERS[type]
      if (namer) for (const [id, name] of await namer(db, [...ids])) names.set(`${type}/${id}`, name)
    }),
  )
  return names
}
