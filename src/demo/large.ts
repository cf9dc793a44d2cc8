import { sql } from 'kysely'
import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import {
  BODY_PREFIX,
  INDICATOR_GROUP,
  type LargePlan,
  OFFICER_NAME,
  PERIOD_PREFIX,
  insertAgendasAndReports,
  insertAuditEvents,
  insertDecisions,
  insertIndicators,
  insertMeetings,
  insertPeopleAndBodies,
  insertRecommendations,
} from './large-records.ts'

/**
 * A synthetic large council, beside the demo, for benchmarks (`npm run demo -- --scale large`): what a
 * council keeps over ten municipal years, at its full size. Every record is made up and says so.
 */
export const LARGE_COUNCIL = {
  bodies: 30,
  meetings: 2_500,
  itemsPerMeeting: 10,
  recommendations: 5_000,
  updatesPerRecommendation: 4,
  decisions: 1_000,
  indicators: 500,
  periods: 120,
  auditEvents: 200_000,
  councillors: 150,
  officers: 50,
}

/** Ten municipal years, May 2013 to April 2023, all before the demo's 22 January 2024. */
const FIRST_DAY = '2013-05-01'
const DAYS = 3_652

/** The busiest body has this many times the meetings of each of the others. */
const BUSIEST_WEIGHT = 3

/** What was (or had been) added, and addresses a benchmark can request. */
export interface LargeCouncilSummary {
  /** False when the large council was there already, and nothing was added. */
  loaded: boolean
  counts: {
    bodies: number
    people: number
    memberships: number
    meetings: number
    agendaItems: number
    reports: number
    recommendations: number
    recommendationUpdates: number
    decisions: number
    indicators: number
    indicatorPeriods: number
    indicatorValues: number
    auditEvents: number
  }
  /** The busiest committee's slug, and its latest meeting's, whose first item has a report. */
  busiestCommittee: string
  meeting: string
  addresses: {
    committee: string
    meeting: string
    report: string
    recommendations: string
    indicator: string
    decision: string
  }
}

/** The plan at `scale` (a fraction of the full size, for tests), with at least a little of everything. */
export function largePlan(scale = 1): LargePlan {
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`The scale must be more than 0 and at most 1, not ${scale}`)
  const of = (full: number, least = 1) => Math.max(least, Math.round(full * scale))
  const bodies = of(LARGE_COUNCIL.bodies, 3)
  const meetings = of(LARGE_COUNCIL.meetings, bodies)
  const weight = BUSIEST_WEIGHT + bodies - 1
  const meetingsPerBody = Array.from({ length: bodies }, (_, at) =>
    Math.floor((meetings * (at === 0 ? BUSIEST_WEIGHT : 1)) / weight),
  )
  // What the rounding left over goes one each to the bodies after the busiest, in turn.
  let left = meetings - meetingsPerBody.reduce((sum, count) => sum + count, 0)
  for (let at = 1; left > 0; left--, at = (at % (bodies - 1)) + 1) meetingsPerBody[at]++
  return {
    meetingsPerBody,
    itemsPerMeeting: LARGE_COUNCIL.itemsPerMeeting,
    councillors: of(LARGE_COUNCIL.councillors, 10),
    officers: of(LARGE_COUNCIL.officers, 5),
    recommendations: of(LARGE_COUNCIL.recommendations),
    updatesPerRecommendation: LARGE_COUNCIL.updatesPerRecommendation,
    decisions: of(LARGE_COUNCIL.decisions),
    indicators: of(LARGE_COUNCIL.indicators),
    periods: LARGE_COUNCIL.periods,
    auditEvents: of(LARGE_COUNCIL.auditEvents, 4),
    firstDay: FIRST_DAY,
    days: DAYS,
  }
}

/** The tables the large council writes to, analysed after it so that their queries are planned for its size. */
const TABLES = [
  'people',
  'bodies',
  'memberships',
  'meetings',
  'agenda_items',
  'reports',
  'recommendations',
  'recommendation_updates',
  'decisions',
  'indicator_groups',
  'indicator_periods',
  'indicators',
  'indicator_values',
  'audit_events',
]

async function hasLargeCouncil(db: Db): Promise<boolean> {
  const body = await db.selectFrom('bodies').select('id').where('slug', 'like', `${BODY_PREFIX}%`).executeTakeFirst()
  return Boolean(body)
}

async function hasDemo(db: Db): Promise<boolean> {
  const event = await db
    .selectFrom('auditEvents')
    .select('id')
    .where('action', '=', 'loaded demo data')
    .where('subjectType', '=', 'system')
    .executeTakeFirst()
  return Boolean(event)
}

/**
 * Adds the synthetic large council beside the demo data, in one transaction, with set-based inserts
 * (ADR 22); does nothing when it is there already. Refuses a database without the demo: a council's
 * own record is no place for made-up papers.
 */
export async function loadLargeCouncil(db: Db, options: { scale?: number } = {}): Promise<LargeCouncilSummary> {
  const plan = largePlan(options.scale)
  if (await hasLargeCouncil(db)) return { loaded: false, ...(await summarise(db)) }
  if (!(await hasDemo(db))) {
    throw new Error('The large council is loaded only beside the demo data, which this database does not hold.')
  }
  await withTransaction(db, async (trx) => {
    await insertPeopleAndBodies(trx, plan)
    await insertMeetings(trx, plan)
    await insertAgendasAndReports(trx, plan)
    await insertRecommendations(trx, plan)
    await insertDecisions(trx, plan)
    await insertIndicators(trx, plan)
    // The audit events are made by joining the records just written: without statistics on them,
    // the planner takes each table for a few rows and joins 200,000 events one by one (minutes).
    for (const table of TABLES) await sql`analyze ${sql.table(table)}`.execute(trx.withoutPlugins())
    await insertAuditEvents(trx, plan)
    await recordAudit(trx, systemContext('demo'), {
      action: 'loaded synthetic large council',
      subjectType: 'system',
      subjectId: 'demo',
      after: { scale: options.scale ?? 1 },
    })
  })
  for (const table of TABLES) await sql`analyze ${sql.table(table)}`.execute(db.withoutPlugins())
  return { loaded: true, ...(await summarise(db)) }
}

/** The large council's records as the database holds them, counted. */
async function summarise(db: Db): Promise<Omit<LargeCouncilSummary, 'loaded'>> {
  const bodies = `${BODY_PREFIX}%`
  const { rows } = await sql<Record<keyof LargeCouncilSummary['counts'], number>>`
    with b as (select id from bodies where slug like ${bodies}),
      m as (select id from meetings where body_id in (select id from b)),
      ai as (select id from agenda_items where meeting_id in (select id from m)),
      r as (select id from recommendations where body_id in (select id from b))
    select
      (select count(*) from b)::int as bodies,
      (select count(*) from people where slug like 'synthetic-%')::int as people,
      (select count(*) from memberships where body_id in (select id from b))::int as memberships,
      (select count(*) from m)::int as meetings,
      (select count(*) from ai)::int as agenda_items,
      (select count(*) from reports where agenda_item_id in (select id from ai))::int as reports,
      (select count(*) from r)::int as recommendations,
      (select count(*) from recommendation_updates where recommendation_id in (select id from r))::int
        as recommendation_updates,
      (select count(*) from decisions where taker_body_id in (select id from b))::int as decisions,
      (select count(*) from indicators where indicator_group = ${INDICATOR_GROUP})::int as indicators,
      (select count(*) from indicator_periods where slug like ${`${PERIOD_PREFIX}%`})::int as indicator_periods,
      (select count(*) from indicator_values v join indicators i on i.id = v.indicator_id
        where i.indicator_group = ${INDICATOR_GROUP})::int as indicator_values,
      (select count(*) from audit_events where actor_label like ${`${OFFICER_NAME}%`})::int as audit_events`.execute(db)
  const counts = rows[0]
  const busiest = await db
    .selectFrom('bodies')
    .innerJoin('meetings', 'meetings.bodyId', 'bodies.id')
    .select(['bodies.slug', (eb) => eb.fn.countAll<number>().as('meetings')])
    .where('bodies.slug', 'like', bodies)
    .groupBy('bodies.slug')
    .orderBy('meetings', 'desc')
    .orderBy('bodies.slug')
    .executeTakeFirstOrThrow()
  const meeting = await db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select('meetings.slug')
    .where('bodies.slug', '=', busiest.slug)
    .orderBy('meetings.date', 'desc')
    .executeTakeFirstOrThrow()
  const decision = await db
    .selectFrom('decisions')
    .select('slug')
    .where('number', 'like', 'SYN-%')
    .orderBy('decidedOn', 'desc')
    .executeTakeFirstOrThrow()
  const indicator = await db
    .selectFrom('indicators')
    .select('code')
    .where('indicatorGroup', '=', INDICATOR_GROUP)
    .orderBy('position')
    .executeTakeFirstOrThrow()
  return {
    counts,
    busiestCommittee: busiest.slug,
    meeting: meeting.slug,
    addresses: {
      committee: `/bodies/${busiest.slug}`,
      meeting: `/meetings/${meeting.slug}`,
      report: `/meetings/${meeting.slug}/items/1/report`,
      recommendations: `/bodies/${busiest.slug}/recommendations`,
      indicator: `/outcomes/${indicator.code}`,
      decision: `/decisions/${decision.slug}`,
    },
  }
}

/** What `npm run demo -- --scale large` tells the operator. */
export function describeLargeCouncil(summary: LargeCouncilSummary, seconds: number): string[] {
  const { counts } = summary
  const n = (value: number) => value.toLocaleString('en-GB')
  if (!summary.loaded)
    return [`The synthetic large council is there already (${n(counts.meetings)} meetings): nothing added.`]
  return [
    `Added the synthetic large council, for benchmarks only, in ${seconds.toFixed(1)} s:`,
    `  ${n(counts.bodies)} bodies, ${n(counts.people)} people, ${n(counts.memberships)} memberships`,
    `  ${n(counts.meetings)} meetings, ${n(counts.agendaItems)} agenda items, ${n(counts.reports)} reports`,
    `  ${n(counts.recommendations)} recommendations with ${n(counts.recommendationUpdates)} updates`,
    `  ${n(counts.decisions)} decisions`,
    `  ${n(counts.indicators)} indicators × ${n(counts.indicatorPeriods)} periods: ${n(counts.indicatorValues)} figures`,
    `  ${n(counts.auditEvents)} audit events`,
    `Busiest committee: ${summary.addresses.committee}; a meeting: ${summary.addresses.meeting}`,
    'To remove it, start again on a fresh data folder (DATA_DIR) or an empty database.',
  ]
}
