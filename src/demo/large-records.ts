import { type RawBuilder, sql } from 'kysely'
import type { Trx } from '#src/database.ts'

/**
 * The statements that write the synthetic large council, one set-based `insert … select` a table
 * (generate_series on the database, never a row at a time from here), in the order of their foreign
 * keys. Each reads the synthetic rows the ones before it wrote by their `synthetic-` slugs. Every
 * name and text says it is synthetic; dates fall in the ten municipal years the plan gives.
 */

/** How many of each the large council has, worked out from its scale (large.ts). */
export interface LargePlan {
  /** Meetings of each body, the busiest first. */
  meetingsPerBody: number[]
  itemsPerMeeting: number
  councillors: number
  officers: number
  recommendations: number
  updatesPerRecommendation: number
  decisions: number
  indicators: number
  periods: number
  auditEvents: number
  /** The first day of the first municipal year, and the number of days in the ten. */
  firstDay: string
  days: number
}

export const BODY_PREFIX = 'synthetic-committee-'
export const INDICATOR_GROUP = 'synthetic'
export const PERIOD_PREFIX = 'synthetic-'
export const OFFICER_NAME = 'Synthetic Officer '

/** What the made-up papers are about, so that a search finds some of them and not others. */
const TOPICS = [
  'fostering',
  'adoption',
  'placements',
  'school attendance',
  'exclusions',
  'care leavers',
  'early help',
  'youth justice',
  'home to school transport',
  'workforce',
]

const FAKE = 'Made-up text for benchmarks; nothing in it is real.'

/** The synthetic bodies' meetings, numbered 1… in date order across the bodies. */
const syntheticMeetings = sql`(
  select m.id, m.slug, m.date, m.body_id, b.name as body_name, row_number() over (order by m.date, m.slug) as g
  from meetings m join bodies b on b.id = m.body_id
  where b.slug like ${`${BODY_PREFIX}%`})`

/** The officer 1… `officers`, chosen by `n`. */
const officerNumber = (n: RawBuilder<unknown>, officers: number) => sql`(${n} % ${officers}::int + 1)`

export async function insertPeopleAndBodies(trx: Trx, plan: LargePlan): Promise<void> {
  await sql`
    insert into people (slug, name, kind, ward, term_starts_on)
    select 'synthetic-councillor-' || n, 'Synthetic Councillor ' || n, 'councillor', 'Synthetic Ward ' || (n % 20 + 1),
      ${plan.firstDay}::date
    from generate_series(1, ${plan.councillors}::int) n`.execute(trx)
  await sql`
    insert into people (slug, name, kind, organisation, job_title)
    select 'synthetic-officer-' || n, ${OFFICER_NAME} || n, 'officer', 'Synthetic Council', 'Synthetic Head of Service'
    from generate_series(1, ${plan.officers}::int) n`.execute(trx)
  await sql`
    insert into bodies (slug, name, kind, remit, established_on, default_meeting_minutes)
    select ${BODY_PREFIX} || lpad(n::text, 2, '0'), 'Synthetic Committee ' || lpad(n::text, 2, '0'), 'committee',
      'A synthetic committee, made up for benchmarks. It is not a body of any council.', ${plan.firstDay}::date, 120
    from generate_series(1, ${plan.meetingsPerBody.length}::int) n`.execute(trx)
  // Ten members a body, a chair and a vice-chair among them, drawn in turn from the councillors.
  await sql`
    insert into memberships (body_id, person_id, role, starts_on)
    select b.id, p.id, case k when 0 then 'chair' when 1 then 'vice-chair' else 'member' end, ${plan.firstDay}::date
    from generate_series(1, ${plan.meetingsPerBody.length}::int) n
    join bodies b on b.slug = ${BODY_PREFIX} || lpad(n::text, 2, '0')
    cross join generate_series(0, 9) k
    join people p on p.slug = 'synthetic-councillor-' || (((n - 1) * 7 + k) % ${plan.councillors}::int + 1)`.execute(
    trx,
  )
}

/**
 * Meetings spread evenly over the ten years, each body's on days of its own; each held, its agenda
 * published a week before.
 */
export async function insertMeetings(trx: Trx, plan: LargePlan): Promise<void> {
  await sql`
    insert into meetings (slug, body_id, date, start_time, end_time, venue, status, contact, agenda_published_on)
    select to_char(day, 'YYYY-MM-DD') || '-' || b.slug, b.id, day, '18:00', '20:00', 'Synthetic Room ' || (ord % 4 + 1),
      'held', 'Synthetic Democratic Services', day - 7
    from unnest(${plan.meetingsPerBody}::int[]) with ordinality as each_body(meetings, ord)
    join bodies b on b.slug = ${BODY_PREFIX} || lpad(ord::text, 2, '0')
    cross join generate_series(0, meetings - 1) k
    cross join lateral (
      select ${plan.firstDay}::date + ((2 * k + 1) * ${plan.days}::int) / (2 * meetings) + (ord % 5)::int as day
    ) d`.execute(trx)
}

/** Each meeting's agenda, every item with its report: "Synthetic report 12345: fostering". */
export async function insertAgendasAndReports(trx: Trx, plan: LargePlan): Promise<void> {
  await sql`
    insert into agenda_items (meeting_id, number, position, title, purpose, minute)
    select m.id, k::text, k, 'Synthetic report ' || n || ': ' || topic,
      'To consider synthetic report ' || n || ' on ' || topic || '. ' || ${FAKE},
      'The committee noted synthetic report ' || n || '.'
    from ${syntheticMeetings} m
    cross join generate_series(1, ${plan.itemsPerMeeting}::int) k
    cross join lateral (select (m.g - 1) * ${plan.itemsPerMeeting}::int + k as n) numbered
    cross join lateral (select (${TOPICS}::text[])[(1 + n % ${TOPICS.length}::int)::int] as topic) about`.execute(trx)
  await sql`
    insert into reports (agenda_item_id, title, report_to, relevant_officer, meeting_date, purpose, recommendations,
      reasons, contrary_to_plan, within_budget, alternative_options, council_priorities, background, financial, legal,
      human_resources, risk, equalities, sustainability, consultation, background_papers, updated_at)
    select ai.id, ai.title, m.body_name, ${OFFICER_NAME} || ${officerNumber(sql`ai.position + m.g`, plan.officers)},
      m.date, ai.purpose, ${JSON.stringify(['To note the synthetic report.'])}::jsonb,
      'Synthetic reasons. ' || ${FAKE}, false, 'not applicable', 'None: the report is synthetic.',
      'Synthetic priorities.', 'Synthetic background to ' || ai.title || '. ' || ${FAKE}, 'None.', 'None.', 'None.',
      'None.', 'None.', 'None.', 'None.', 'None.', m.date - 10
    from agenda_items ai join ${syntheticMeetings} m on m.id = ai.meeting_id`.execute(trx)
}

/**
 * The tracker: recommendations made at the meetings in turn, each at one of its items, numbered per body;
 * most complete, the rest open (those past their target show red), a few to be confirmed. Each has its updates.
 */
export async function insertRecommendations(trx: Trx, plan: LargePlan): Promise<void> {
  const meetings = plan.meetingsPerBody.reduce((sum, n) => sum + n, 0)
  await sql`
    insert into recommendations (body_id, number, made_on, meeting_id, agenda_item_id, text, target_date,
      responsible_person_id, status, completed_on)
    select m.body_id, row_number() over (partition by m.body_id order by r)::text, m.date, m.id, ai.id,
      'Synthetic recommendation ' || (r + 1) || ': that a made-up officer looks into ' || ai.title || '.',
      case when r % 20 = 19 then null else m.date + 90 + r % 180 end, p.id,
      case when r % 4 = 0 then 'open' else 'complete' end,
      case when r % 4 = 0 then null else m.date + 150 end
    from generate_series(0, ${plan.recommendations}::int - 1) r
    join ${syntheticMeetings} m on m.g = (r::bigint * ${meetings}::int) / ${plan.recommendations}::int + 1
    join agenda_items ai on ai.meeting_id = m.id and ai.position = r % ${plan.itemsPerMeeting}::int + 1
    join people p on p.slug = 'synthetic-officer-' || ${officerNumber(sql`r`, plan.officers)}`.execute(trx)
  await sql`
    insert into recommendation_updates (recommendation_id, on_date, author_name, text, created_at)
    select r.id, r.made_on + 30 * k, p.name, 'Synthetic update ' || k || ': made-up progress, for benchmarks.',
      (r.made_on + 30 * k)::timestamp at time zone 'Europe/London'
    from recommendations r
    join bodies b on b.id = r.body_id and b.slug like ${`${BODY_PREFIX}%`}
    join people p on p.id = r.responsible_person_id
    cross join generate_series(1, ${plan.updatesPerRecommendation}::int) k`.execute(trx)
}

/** The decisions register: committee decisions "SYN-0001" on, spread over the ten years. */
export async function insertDecisions(trx: Trx, plan: LargePlan): Promise<void> {
  const bodies = plan.meetingsPerBody.length
  await sql`
    insert into decisions (slug, number, title, decided_on, taker_body_id, taker_type, parts, description, reasons,
      key_decision, published_on, effective_on)
    select 'syn-' || lpad(n::text, 4, '0'), 'SYN-' || lpad(n::text, 4, '0'),
      'Synthetic decision ' || n || ': ' || (${TOPICS}::text[])[(1 + n % ${TOPICS.length}::int)::int], day, b.id, 'committee',
      ${JSON.stringify(['To agree a made-up proposal.'])}::jsonb, ${FAKE}, 'Synthetic reasons.', n % 4 = 0,
      day + 1, day + 7
    from generate_series(1, ${plan.decisions}::int) n
    join bodies b on b.slug = ${BODY_PREFIX} || lpad(((n - 1) % ${bodies}::int + 1)::text, 2, '0')
    cross join lateral (
      select ${plan.firstDay}::date + ((2 * n - 1) * ${plan.days}::int) / (2 * ${plan.decisions}::int) as day
    ) d`.execute(trx)
}

/**
 * The outcomes framework: a group of synthetic indicators, a monthly period for each month of the ten
 * years (none a baseline, so the demo's indicators keep theirs), and a target and an actual in each.
 */
export async function insertIndicators(trx: Trx, plan: LargePlan): Promise<void> {
  await sql`
    insert into indicator_groups (key, name, position) values (${INDICATOR_GROUP}, 'Synthetic indicators', 100)`.execute(
    trx,
  )
  await sql`
    insert into indicator_periods (slug, name, ends_on, is_baseline)
    select ${PERIOD_PREFIX} || to_char(month, 'YYYY-MM'), 'Synthetic ' || to_char(month, 'FMMonth YYYY'),
      (month + interval '1 month' - interval '1 day')::date, false
    from generate_series(0, ${plan.periods}::int - 1) p
    cross join lateral (select ${plan.firstDay}::date + make_interval(months => p) as month) m`.execute(trx)
  await sql`
    insert into indicators (code, name, indicator_group, unit, polarity, decimals, definition, source, owner, position)
    select 'SYN-' || lpad(n::text, 3, '0'), 'Synthetic indicator ' || n, ${INDICATOR_GROUP}, 'percentage',
      case when n % 2 = 0 then 'higher is better' else 'lower is better' end, 1, 'A made-up measure, for benchmarks.',
      'Synthetic source', ${OFFICER_NAME} || ${officerNumber(sql`n`, plan.officers)}, 1000 + n
    from generate_series(1, ${plan.indicators}::int) n`.execute(trx)
  await sql`
    insert into indicator_values (indicator_id, period_id, target, actual, provenance, entered_by, entered_at)
    select i.id, p.id, 40 + i.position % 50, 40 + i.position % 50 + ((i.position * 7 + (p.ends_on - date '2000-01-01') * 13) % 21 - 10) / 2.0,
      'Synthetic figures, made up for benchmarks', 'Synthetic analyst',
      (p.ends_on + 14)::timestamp at time zone 'Europe/London'
    from indicators i cross join indicator_periods p
    where i.indicator_group = ${INDICATOR_GROUP} and p.slug like ${`${PERIOD_PREFIX}%`}`.execute(trx)
}

/**
 * The audit trail: events on the synthetic meetings, reports, recommendations and decisions in turn, each
 * within three weeks of its record's date, by made-up officers (no accounts), with the app's date set as
 * the demo's pinned clock sets it.
 */
export async function insertAuditEvents(trx: Trx, plan: LargePlan): Promise<void> {
  const synthetic = `${BODY_PREFIX}%`
  await sql`
    with subjects as (
      select 0 as kind, 'meeting' as type, 'updated meeting' as action, m.id::text as id, m.date,
        row_number() over (order by m.id) - 1 as n
      from meetings m join bodies b on b.id = m.body_id where b.slug like ${synthetic}
      union all
      select 1, 'report', 'updated report', r.id::text, r.meeting_date, row_number() over (order by r.id) - 1
      from reports r join agenda_items ai on ai.id = r.agenda_item_id join meetings m on m.id = ai.meeting_id
      join bodies b on b.id = m.body_id where b.slug like ${synthetic}
      union all
      select 2, 'recommendation', 'posted update', r.id::text, r.made_on, row_number() over (order by r.id) - 1
      from recommendations r join bodies b on b.id = r.body_id where b.slug like ${synthetic}
      union all
      select 3, 'decision', 'updated decision', d.id::text, d.decided_on, row_number() over (order by d.id) - 1
      from decisions d join bodies b on b.id = d.taker_body_id where b.slug like ${synthetic}
    ),
    sizes as (select kind, count(*) as size from subjects group by kind),
    events as (
      select i, s.kind, (i / 4) % s.size as n
      from generate_series(0, ${plan.auditEvents}::int - 1) i join sizes s on s.kind = i % 4
    )
    insert into audit_events (at, actor_label, action, subject_type, subject_id, app_date)
    select stamp, ${OFFICER_NAME} || officer || ' <synthetic-officer-' || officer || '@example.invalid>', s.action,
      s.type, s.id,
      (stamp at time zone 'Europe/London')::date
    from events e join subjects s on s.kind = e.kind and s.n = e.n
    cross join lateral (
      select (s.date - 21)::timestamp at time zone 'Europe/London'
          + make_interval(mins => ((e.i::bigint * 7919) % (42 * 24 * 60))::int) as stamp,
        ${officerNumber(sql`e.i`, plan.officers)} as officer
    ) made`.execute(trx)
}
