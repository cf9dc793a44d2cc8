import { type RawBuilder, sql } from 'kysely'
import type { Db } from '#src/database.ts'
import { isExemptSql, isOpenSql } from '#src/platform/exemption/search-sql.ts'
import { UNNAMED_MEMBER_OF_THE_PUBLIC, agendaPublishedSql } from '#src/modules/meetings/index.ts'
import { recordHits } from './record-hits.ts'
import { type SearchTerms, readSearchTerms } from './terms.ts'
import { HEADLINE_OPTIONS } from './snippet.ts'

export const SEARCH_HIT_KINDS = [
  'item',
  'report',
  'resolution',
  'question',
  'motion',
  'petition',
  'document',
  'body',
  'meeting',
  'recommendation',
  'recommendation-update',
  'decision',
  'forward-plan-item',
  'work-programme-item',
  'inspection',
  'finding',
  'action',
  'milestone',
  'indicator',
  'health-service',
] as const
export type SearchHitKind = (typeof SEARCH_HIT_KINDS)[number]

export interface SearchHitRow {
  kind: SearchHitKind
  id: string
  /** The meeting's, for a meeting and what belongs to one; null otherwise. */
  meetingSlug: string | null
  /**
   * The record's date, 'YYYY-MM-DD': the meeting's; a petition's, the day it was presented; a
   * recommendation's, the day it was made; a decision's, the day it was taken; a milestone's, its due
   * date. Null when it has none (a petition not yet presented, an indicator).
   */
  onDate: string | null
  /** The date stands for its month only (a forward plan item or work programme item without a day). */
  monthOnly: boolean
  /** The body it belongs to (a meeting's; a petition's, the body it was presented to); null when none. */
  bodyName: string | null
  /** The item's number as the council writes it; null when it has none. */
  itemNumber: string | null
  /** The item's place on its agenda, which its address uses; null for what belongs to no item. */
  itemPosition: number | null
  resolutionNumber: number | null
  /**
   * A question's or a motion's place at its meeting, which its anchor on the meeting page uses; a document's
   * place among its item's documents.
   */
  position: number | null
  /** The record's own part of its address: a petition's, body's, decision's slug; an action's reference. */
  slug: string | null
  /** The address of what it belongs to: a forward plan's or improvement plan's slug, a body's, an inspection's. */
  parentSlug: string | null
  /** What it belongs to, in words, when that is not a body: the forward plan, the inspection, the plan. */
  context: string | null
  title: string
  exemptParagraph: number | null
  /** ts_headline of the published text, with the markers of snippet.ts; null when no text may be shown. */
  headline: string | null
}

/** What a search is narrowed to: kinds (none: every kind), a body's id, dates from and to (inclusive). */
export interface SearchFilter {
  kinds: readonly SearchHitKind[]
  bodyId: string | null
  from: string | null
  to: string | null
}

export const NO_FILTER: SearchFilter = { kinds: [], bodyId: null, from: null, to: null }

/**
 * A READ-ONLY PROJECTION of the published record for search. It reads the other modules' tables
 * (the meetings module's agenda_items, reports, appendices, resolutions, minutes and meetings; bodies;
 * recommendations, decisions, the forward plan, work programmes, inspections, improvement plans,
 * indicators, health services) directly, because full-text search across modules is one ranked
 * query, not a join in memory. It never writes, and it does not rely on those modules' services to
 * hide anything, so it must apply their publication rules itself, for every viewer:
 * - nothing of a meeting whose agenda is a draft (the meetings module's rule, in SQL);
 * - exempt items match on their title only and show no text;
 * - exempt reports and appendices, and the reports of exempt items, are never matched or shown;
 * - item minutes and resolutions count only once the meeting's minutes are published or approved;
 * - documents linked to items (their title and the words of their file) once the agenda is published,
 *   never an exempt one nor one of an exempt item, and only those whose file is there to download;
 * - the public's questions, as the meeting page shows them, once the agenda is published; motions
 *   (with their amendments) once the minutes are, and not those of exempt items; petitions always;
 * - a member of the public (an asker, a lead petitioner) is matched and shown by name only when
 *   they agreed to be named;
 * - bodies always; a meeting's notice (body, venue, notes, why it was cancelled or postponed) always,
 *   as it is public once scheduled, its agenda only as above;
 * - recommendations and their updates always (the tracker is public; a recommendation is in the
 *   committee's own words even when its source is exempt);
 * - decisions always, published or not (the register shows both), with the title and text of their
 *   open documents only: an exempt decision document is never matched or shown;
 * - forward plan items always; a private one (exempt) matches on its reference and matter only and
 *   shows no text; the reason it is private (for staff) is never matched;
 * - work programme items, inspections with their judgements, findings, improvement plans' actions
 *   (with their leads) and milestones, and health services always (their pages are public);
 * - indicators only when published (the rest are seen only by those signed in).
 * Whether a row is exempt is platform/exemption's rule, in SQL (search-sql.ts).
 * Every value from the user is a bound parameter.
 */
export function createSearchRepository(db: Db) {
  /**
   * `found` is the hits the filter keeps, from the branches of the kinds it asks for only. Each branch
   * matches and ranks by the terms' constant query, which its stored words' index serves: not by a CTE
   * of the query joined to every branch, which took longer to plan than to run (on PGlite).
   */
  const withHits = (terms: SearchTerms, filter: SearchFilter) => sql`
    with hits as (${hits(terms, filter.kinds, withoutText)}),
    found as (select * from hits where ${filtered(filter)})`

  return {
    async count(q: string, filter: SearchFilter = NO_FILTER): Promise<number> {
      const terms = await readSearchTerms(db, q)
      const result = await sql<{
        total: number
      }>`${withHits(terms, filter)} select count(*)::integer as total from found`.execute(db)
      return result.rows[0]?.total ?? 0
    },

    /**
     * One page of hits, best first, and how many there are in all (null when the page is empty).
     * The hits are ranked and counted without their text, which is read again for that page only, to
     * make its headlines: carrying every hit's text, and ts_headline, are the slow parts.
     */
    async page(
      q: string,
      options: { limit: number; offset: number; filter?: SearchFilter },
    ): Promise<{ total: number | null; hits: SearchHitRow[] }> {
      const terms = await readSearchTerms(db, q)
      const result = await sql<Omit<SearchHitRow, 'headline'> & { total: number }>`
        ${withHits(terms, options.filter ?? NO_FILTER)}
        select kind, id, meeting_slug, on_date, month_only, body_name, item_number, item_position, resolution_number,
          position, slug, parent_slug, context, title, exempt_paragraph, count(*) over ()::integer as total
        from found order by ${order} limit ${options.limit} offset ${options.offset}`.execute(db)
      const total = result.rows[0]?.total ?? null
      const headlines = await pageHeadlines(terms, result.rows)
      return {
        total,
        hits: result.rows.map(({ total: _total, ...hit }) => ({
          ...hit,
          headline: headlines.get(hitKey(hit)) ?? null,
        })),
      }
    },
  }

  /** The headlines of a page's hits, by hitKey, from the branches of their kinds, read by their ids. */
  async function pageHeadlines(terms: SearchTerms, page: readonly HitKeyRow[]): Promise<Map<string, string | null>> {
    if (page.length === 0) return new Map()
    const kinds = [...new Set(page.map((hit) => hit.kind))]
    const result = await sql<HitKeyRow & { headline: string | null }>`
      select h.kind, h.id, h.meeting_slug, h.item_position, h.position,
        case when h.text = '' then null else ts_headline('english', h.text, ${terms.query}, ${HEADLINE_OPTIONS}) end as headline
      from (${hits(terms, kinds, withText, 'by key')}) h
      where h.id in (${sql.join(page.map((hit) => hit.id))})`.execute(db)
    return new Map(result.rows.map((row) => [hitKey(row), row.headline]))
  }
}

/** What tells one hit from another: a document is a hit at each item it is linked to. */
type HitKeyRow = Pick<SearchHitRow, 'kind' | 'id' | 'meetingSlug' | 'itemPosition' | 'position'>
const hitKey = (hit: HitKeyRow) => [hit.kind, hit.id, hit.meetingSlug, hit.itemPosition, hit.position].join(' ')

/** A kind of hit and a query of its rows, with the columns of HIT_SHAPE in their order. */
export type HitBranch = readonly [SearchHitKind, RawBuilder<unknown>]

/**
 * A branch's `text` column as it is asked for: the text itself, for the headlines of one page, or
 * null, when hits are only matched, ranked and counted (making every hit's text took a third of the
 * time of a search with thousands of hits).
 */
export type TextColumn = (text: RawBuilder<unknown>) => RawBuilder<unknown>
const withText: TextColumn = (text) => text
const withoutText: TextColumn = () => sql`null::text`

/**
 * The hits' columns, named and typed: the first query of every union of branches, so that a union of
 * any of them has these types (a branch's untyped null would otherwise decide a column's type).
 */
const HIT_SHAPE = sql`
  select null::text as kind, null::integer as kind_order, null::uuid as id, null::text as meeting_slug,
    null::text as on_date, null::text as body_name, null::text as item_number, null::integer as item_position,
    null::integer as resolution_number, null::integer as position, null::text as slug, null::text as parent_slug,
    null::text as context, null::uuid as body_id, null::boolean as month_only, null::text as title,
    null::smallint as exempt_paragraph, null::text as text, null::double precision as rank
  where false`

/**
 * The hits of the kinds asked for (none: every kind); a kind not asked for is not queried at all.
 * `published` (see PUBLISHED_MEETINGS) is read once for all of them when every hit is ranked, and
 * read by its key for each hit when only a page's hits are read again.
 */
function hits(
  terms: SearchTerms,
  kinds: readonly SearchHitKind[],
  text: TextColumn,
  published: 'once' | 'by key' = 'once',
): RawBuilder<unknown> {
  const branches = hitBranches(terms, text).filter(([kind]) => kinds.length === 0 || kinds.includes(kind))
  return sql`with published as ${published === 'once' ? sql`materialized` : sql`not materialized`} (${PUBLISHED_MEETINGS})
    ${sql.join([HIT_SHAPE, ...branches.map(([, branch]) => branch)], sql` union all `)}`
}

/**
 * The meetings whose agenda is published (the meetings module's rule), with what a hit shows of its
 * meeting and whether its minutes count (published or approved). Read once and hashed, it is joined to
 * thousands of items and reports far more cheaply than each hit reading its meeting, body and minutes.
 */
const PUBLISHED_MEETINGS = sql`
  select m.id, m.slug, m.date::text as on_date, b.name as body_name, b.id as body_id,
    coalesce(mn.status in ('published', 'approved'), false) as minuted
  from meetings m
  join bodies b on b.id = m.body_id
  left join minutes mn on mn.meeting_id = m.id
  where ${agendaPublishedSql('m')}`

/** The filter's conditions on a hit, beyond its kinds (see hits); every value bound. */
function filtered(filter: SearchFilter): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [sql<boolean>`true`]
  if (filter.bodyId) conditions.push(sql<boolean>`body_id = ${filter.bodyId}::uuid`)
  if (filter.from) conditions.push(sql<boolean>`on_date >= ${filter.from}`)
  if (filter.to) conditions.push(sql<boolean>`on_date <= ${filter.to}`)
  return sql<boolean>`${sql.join(conditions, sql` and `)}`
}

const order = sql`rank desc, on_date desc nulls last, item_position, kind_order, resolution_number, position, id`

/**
 * The kinds of hit, each shaped alike; `text` is only ever text the public may read.
 * Dates are read as text ('YYYY-MM-DD', ISO is PostgreSQL's default DateStyle) whatever the driver's parsers.
 * An item's words depend on its minutes, so it matches on one of its three stored vectors as they say:
 * written as "or", the planner reads each vector's index. Reports: see reportHits.
 */
function hitBranches(terms: SearchTerms, text: TextColumn): HitBranch[] {
  const q = terms.query
  return [
    [
      'item',
      sql`
    select 'item' as kind, 1 as kind_order, ai.id, m.slug as meeting_slug, m.on_date, m.body_name,
      ai.number as item_number, ai.position as item_position, null::integer as resolution_number,
      null::integer as position, null::text as slug, null::text as parent_slug, null::text as context, m.body_id,
      false as month_only, ai.title, ai.exempt_paragraph,
      ${text(sql`case when ${isExemptSql('ai')} then '' when m.minuted then ai.purpose || ' ' || ai.minute else ai.purpose end`)}
        as text,
      ts_rank(doc.vector, ${q}) + case when ai.title_search @@ ${q} then 1 else 0 end as rank
    from agenda_items ai
    join published m on m.id = ai.meeting_id
    cross join lateral (select case
      when ${isExemptSql('ai')} then ai.title_search
      when m.minuted then ai.search
      else ai.open_search end as vector) doc
    where (${isExemptSql('ai')} and ai.title_search @@ ${q})
      or (${isOpenSql('ai')} and m.minuted and ai.search @@ ${q})
      or (${isOpenSql('ai')} and not m.minuted and ai.open_search @@ ${q})`,
    ],
    ['report', reportHits(q, 'none', text)],
    ['report', reportHits(q, 'some', text)],
    [
      'resolution',
      sql`
    select 'resolution', 3, res.id, m.slug, m.on_date, m.body_name, ai.number, ai.position, res.number, null, null, null, null,
      m.body_id, false, ai.title, null,
      ${text(sql`res.text`)},
      ts_rank(to_tsvector('english', res.text), ${q})
    from resolutions res
    join agenda_items ai on ai.id = res.agenda_item_id
    join published m on m.id = ai.meeting_id and m.minuted
    where ${isOpenSql('ai')} and to_tsvector('english', res.text) @@ ${q}`,
    ],
    [
      'document',
      sql`
    select 'document', 7, d.document_id, m.slug, m.on_date, m.body_name, ai.number, ai.position, null, d.position, null,
      null, null, m.body_id, false, d.title, null,
      ${text(sql`d.text`)},
      ts_rank(d.search, ${q}) + case when to_tsvector('english', d.title) @@ ${q} then 1 else 0 end
    from item_documents d
    join agenda_items ai on ai.id = d.agenda_item_id
    join published m on m.id = ai.meeting_id
    where d.document_id is not null and ${isOpenSql('d')} and ${isOpenSql('ai')} and d.search @@ ${q}`,
    ],
    ...participationHits(q, text),
    ...recordHits(terms, text),
  ]
}

/**
 * Reports with no open appendix (`none`), matched and ranked on their stored words alone, through its
 * index: no appendix is read for them. Reports with one (`some`), whose appendices' words are made at
 * query time. Either way the words are the report's and its open appendices', as the text shown is.
 * A report's item (`ai`: its meeting, number, place and exemption) is the copy the report keeps
 * (migration 0048): reading each report's item by its key took longer than ranking the reports.
 */
function reportHits(q: RawBuilder<unknown>, openAppendices: 'none' | 'some', text: TextColumn): RawBuilder<unknown> {
  // Read once, as a hashed set, not an appendix scan per report.
  const openAppendix = sql`r.id in (select a.report_id from appendices a where ${isOpenSql('a')})`
  const withAppendices = sql`r.search || to_tsvector('english', coalesce(appendix.text, ''))`
  const { appendixText, vector, matched, appendix } =
    openAppendices === 'none'
      ? {
          appendixText: sql`null`,
          vector: sql`r.search`,
          matched: sql`r.search @@ ${q} and not ${openAppendix}`,
          appendix: sql``,
        }
      : {
          appendixText: sql`appendix.text`,
          vector: withAppendices,
          matched: sql`${openAppendix} and ${withAppendices} @@ ${q}`,
          appendix: sql`cross join lateral (
            select string_agg(a.title || ' ' || a.body, ' ' order by a.position) as text
            from appendices a where a.report_id = r.id and ${isOpenSql('a')}
          ) appendix`,
        }
  return sql`
    select 'report', 2, r.id, m.slug, m.on_date, m.body_name, ai.number, ai.position, null, null, null, null, null, m.body_id, false,
      r.title, null,
      ${text(sql`concat_ws(' ', r.purpose, r.reasons, r.background, r.alternative_options, ${appendixText})`)},
      ts_rank(${vector}, ${q}) + case when r.title_search @@ ${q} then 1 else 0 end
    from reports r
    cross join lateral (
      select r.meeting_id, r.item_number as number, r.item_position as position, r.item_exempt_paragraph as exempt_paragraph
    ) ai
    join published m on m.id = ai.meeting_id
    ${appendix}
    where ${matched} and ${isOpenSql('r')} and ${isOpenSql('ai')}`
}

/** A member of the public's name, only when they agreed to be named; null otherwise. */
const consentedName = (name: RawBuilder<unknown>, named: RawBuilder<unknown>) =>
  sql`case when ${named} and ${name} <> '' then ${name} end`

/**
 * The public's questions, motions and petitions. A question's asker and a lead petitioner are in
 * the words matched, and in the title, only by consent; the text shown never holds their name.
 */
function participationHits(q: RawBuilder<unknown>, text: TextColumn): HitBranch[] {
  const asker = consentedName(sql.ref('q.asker_name'), sql.ref('q.asker_named'))
  const lead = consentedName(sql.ref('p.lead_petitioner'), sql.ref('p.lead_named'))
  const questionText = sql`concat_ws(' ', q.question, q.answer, q.supplementary, q.supplementary_answer)`
  const motionText = sql`concat_ws(' ', mo.text, mo.substantive_text, amendment.text)`
  return [
    [
      'question',
      sql`
    select 'question', 4, q.id, m.slug, m.on_date, m.body_name, ai.number, ai.position, null, q.position, null, null, null,
      m.body_id, false, 'Question ' || q.position || ' from ' || coalesce(${asker}, ${UNNAMED_MEMBER_OF_THE_PUBLIC}), null,
      ${text(questionText)},
      ts_rank(doc.vector, ${q})
    from public_questions q
    join published m on m.id = q.meeting_id
    left join agenda_items ai on ai.id = q.agenda_item_id
    cross join lateral (select to_tsvector('english', concat_ws(' ', ${asker}, ${questionText})) as vector) doc
    where doc.vector @@ ${q}`,
    ],
    [
      'motion',
      sql`
    select 'motion', 5, mo.id, m.slug, m.on_date, m.body_name, ai.number, ai.position, null, mo.position, null, null, null,
      m.body_id, false, 'Motion ' || mo.position || coalesce(', moved by ' || mover.name, ''), null,
      ${text(motionText)},
      ts_rank(doc.vector, ${q})
    from motions mo
    join published m on m.id = mo.meeting_id and m.minuted
    left join agenda_items ai on ai.id = mo.agenda_item_id
    left join people mover on mover.id = mo.mover_id
    left join lateral (
      select string_agg(a.text, ' ' order by a.position) as text from motion_amendments a where a.motion_id = mo.id
    ) amendment on true
    cross join lateral (select to_tsvector('english', ${motionText}) as vector) doc
    where (ai.id is null or ${isOpenSql('ai')}) and doc.vector @@ ${q}`,
    ],
    [
      'petition',
      sql`
    select 'petition', 6, p.id, null, p.presented_on::text, b.name, null, null, null, null, p.slug, null, null, b.id, false,
      p.title, null,
      ${text(sql`p.response`)},
      ts_rank(doc.vector, ${q}) + case when to_tsvector('english', p.title) @@ ${q} then 1 else 0 end
    from petitions p
    left join bodies b on b.id = p.body_id
    cross join lateral (select to_tsvector('english', concat_ws(' ', p.title, ${lead}, p.threshold, p.response)) as vector) doc
    where doc.vector @@ ${q}`,
    ],
  ]
}

export type SearchRepository = ReturnType<typeof createSearchRepository>
