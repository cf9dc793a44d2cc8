import { type RawBuilder, sql } from 'kysely'
import { isOpenSql } from '#src/platform/exemption/search-sql.ts'
import { type SearchTerms, narrowedTo } from './terms.ts'
import type { HitBranch, TextColumn } from './repository.ts'

/**
 * The records beyond the papers, shaped as repository.ts's hits (the same columns in the same
 * order): bodies, meetings, what the committee tracks, the improvement record, indicators and
 * health services. What each may show is written in repository.ts's comment.
 */
export function recordHits(terms: SearchTerms, text: TextColumn): HitBranch[] {
  return [...trackingHits(terms, text), ...improvementHits(terms.query, text), ...figureHits(terms, text)]
}

/** A hit's rank: how well the words match, and 1 more when they match its title (its page's name). */
const rank = (q: RawBuilder<unknown>, vector: RawBuilder<unknown>, title: RawBuilder<unknown>) =>
  sql`ts_rank(${vector}, ${q}) + case when to_tsvector('english', ${title}) @@ ${q} then 1 else 0 end`

/**
 * Bodies, meetings' notices, recommendations and their updates, decisions, the forward plan, work programmes.
 * Bodies, recommendations, updates and work programme items match on their stored words, and decisions
 * on theirs and their open documents' (decisionHits); meetings are narrowed by their stored words and
 * their body's, and then matched on all their words.
 */
function trackingHits(terms: SearchTerms, text: TextColumn): HitBranch[] {
  const q = terms.query
  const meetingText = sql`concat_ws(' ', m.venue, m.notes, m.status_reason)`
  const recommendationText = sql`concat_ws(' ', r.text, r.review_title, r.response_reasons)`
  const planItemText = sql`case when ${isOpenSql('i')} then concat_ws(' ', i.decision_taker, i.consultation, i.representations,
    i.documents, i.responsible_officer, i.urgency_reason) else '' end`
  const workText = sql`concat_ws(' ', w.description, w.timing_note, w.origin_note, w.lead_officer)`
  return [
    [
      'body',
      sql`
    select 'body', 10, b.id, null, null, null, null, null, null, null, b.slug, null, null, b.id, false, b.name, null,
      ${text(sql`b.remit`)}, ${rank(q, sql`b.search`, sql`b.name`)}
    from bodies b
    where b.search @@ ${q}`,
    ],
    [
      'meeting',
      sql`
    select 'meeting', 11, m.id, m.slug, m.date::text, b.name, null, null, null, null, null, null, null, b.id, false, b.name,
      null, ${text(meetingText)},
      ts_rank(to_tsvector('english', concat_ws(' ', b.name, ${meetingText})), ${q})
    from meetings m
    join bodies b on b.id = m.body_id
    where ${narrowedTo(
      terms,
      sql`m.id`,
      (anyWord) => sql`select id from meetings where search @@ ${anyWord}
        union select n.id from meetings n join bodies nb on nb.id = n.body_id where nb.search @@ ${anyWord}`,
    )}
      and to_tsvector('english', concat_ws(' ', b.name, ${meetingText})) @@ ${q}`,
    ],
    [
      'recommendation',
      sql`
    select 'recommendation', 12, r.id, null, r.made_on::text, b.name, null, null, null, null, null, null, null, b.id, false,
      'Recommendation ' || r.number, null, ${text(recommendationText)},
      ts_rank(r.search, ${q})
    from recommendations r
    join bodies b on b.id = r.body_id
    where r.search @@ ${q}`,
    ],
    [
      'recommendation-update',
      sql`
    select 'recommendation-update', 13, u.id, null, u.on_date::text, b.name, null, null, null, null, null, r.id::text, null,
      b.id, false, 'Update on recommendation ' || r.number, null, ${text(sql`u.text`)},
      ts_rank(u.search, ${q})
    from recommendation_updates u
    join recommendations r on r.id = u.recommendation_id
    join bodies b on b.id = r.body_id
    where u.search @@ ${q}`,
    ],
    decisionHits(q, 'none', text),
    decisionHits(q, 'some', text),
    [
      'forward-plan-item',
      sql`
    select 'forward-plan-item', 15, i.id, null, coalesce(i.anticipated_on, (i.anticipated_month || '-01')::date)::text, null,
      null, null, null, null, i.slug, p.slug, p.title, null, i.anticipated_on is null, i.reference || ': ' || i.matter,
      i.exempt_paragraph, ${text(planItemText)},
      ${rank(q, sql`to_tsvector('english', concat_ws(' ', i.reference, i.matter, ${planItemText}))`, sql`i.matter`)}
    from forward_plan_items i
    join forward_plans p on p.id = i.plan_id
    where to_tsvector('english', concat_ws(' ', i.reference, i.matter, ${planItemText})) @@ ${q}`,
    ],
    [
      'work-programme-item',
      sql`
    select 'work-programme-item', 16, w.id, null,
      coalesce(m.date, w.scheduled_on, (w.scheduled_month || '-01')::date)::text, b.name, null, null, null, null, null,
      b.slug, null, b.id, m.id is null and w.scheduled_on is null, w.title, null, ${text(workText)},
      ${rank(q, sql`w.search`, sql`w.title`)}
    from work_programme_items w
    join bodies b on b.id = w.body_id
    left join meetings m on m.id = w.meeting_id
    where w.search @@ ${q}`,
    ],
  ]
}

/**
 * Decisions with no open document (`none`), matched and ranked on their stored words (all of a decision's
 * own, its parts too) through their index. Decisions with one (`some`), few, whose documents' words are
 * made at query time. Either way the words are the decision's and its open documents', as the text shown is.
 */
function decisionHits(q: RawBuilder<unknown>, openDocuments: 'none' | 'some', text: TextColumn): HitBranch {
  const openDocument = sql`d.id in (select dd.decision_id from decision_documents dd where ${isOpenSql('dd')})`
  const { words, documentText, document, only } =
    openDocuments === 'none'
      ? { words: sql`d.search`, documentText: sql`null`, document: sql``, only: sql`not ${openDocument}` }
      : {
          words: sql`(d.search || to_tsvector('english', coalesce(document.text, '')))`,
          documentText: sql`document.text`,
          document: sql`left join lateral (
            select string_agg(dd.title || ' ' || dd.body, ' ' order by dd.number) as text
            from decision_documents dd where dd.decision_id = d.id and ${isOpenSql('dd')}
          ) document on true`,
          only: openDocument,
        }
  const decisionText = sql`concat_ws(' ', part.text, d.description, d.reasons, d.alternatives_considered, d.wards_affected,
    ${documentText})`
  return [
    'decision',
    sql`
    select 'decision', 14, d.id, null, d.decided_on::text, coalesce(b.name, p.name), null, null, null, null, d.slug, null, null,
      b.id, false, coalesce(d.number || ': ', '') || d.title, null, ${text(decisionText)},
      ${rank(q, words, sql`d.title`)}
    from decisions d
    left join bodies b on b.id = d.taker_body_id
    left join people p on p.id = d.taker_person_id
    left join lateral (select string_agg(value, ' ') as text from jsonb_array_elements_text(d.parts)) part on true
    ${document}
    where ${only} and ${words} @@ ${q}`,
  ]
}

/**
 * Inspections and their findings, improvement plans' actions and milestones; findings and milestones match
 * on their stored words.
 */
function improvementHits(q: RawBuilder<unknown>, text: TextColumn): HitBranch[] {
  const inspectionText = sql`concat_ws(' ', n.inspectorates, n.kind, n.overall_judgement, n.summary, judgement.text)`
  const inspectionDate = (alias: string) =>
    sql`coalesce(${sql.ref(`${alias}.published_on`)}, ${sql.ref(`${alias}.ended_on`)}, ${sql.ref(`${alias}.started_on`)})::text`
  const actionText = sql`concat_ws(' ', a.reference, a.title, t.title, lead.names)`
  return [
    [
      'inspection',
      sql`
    select 'inspection', 17, n.id, null, ${inspectionDate('n')}, null, null, null, null, null, n.slug, null, null, null, false,
      n.title, null, ${text(inspectionText)},
      ${rank(q, sql`to_tsvector('english', n.title || ' ' || ${inspectionText})`, sql`n.title`)}
    from inspections n
    left join lateral (
      select string_agg(j.area || ' ' || j.judgement, ' ' order by j.position) as text
      from inspection_judgements j where j.inspection_id = n.id
    ) judgement on true
    where to_tsvector('english', n.title || ' ' || ${inspectionText}) @@ ${q}`,
    ],
    [
      'finding',
      sql`
    select 'finding', 18, f.id, null, ${inspectionDate('n')}, null, null, null, null, null, null, n.slug, n.title, null, false,
      upper(left(f.kind, 1)) || substr(f.kind, 2) || ' ' || f.number, null, ${text(sql`f.text`)},
      ts_rank(f.search, ${q})
    from inspection_findings f
    join inspections n on n.id = f.inspection_id
    where f.search @@ ${q}`,
    ],
    [
      'action',
      sql`
    select 'action', 19, a.id, null, null, null, null, null, null, null, a.reference, p.slug, p.title, null, false,
      a.reference || ' ' || a.title, null, ${text(sql`concat_ws(' ', t.title, lead.names)`)},
      ${rank(q, sql`to_tsvector('english', ${actionText})`, sql`a.title`)}
    from plan_actions a
    join plan_themes t on t.id = a.theme_id
    join improvement_plans p on p.id = t.plan_id
    left join lateral (
      select string_agg(l.name, ', ' order by l.position) as names from plan_action_leads l where l.action_id = a.id
    ) lead on true
    where to_tsvector('english', ${actionText}) @@ ${q}`,
    ],
    [
      'milestone',
      sql`
    select 'milestone', 20, ms.id, null, ms.due_on::text, null, null, null, null, null, a.reference, p.slug,
      p.title || ', action ' || a.reference, null, false, ms.text, null, ${text(sql`ms.due_note`)},
      ts_rank(ms.search, ${q})
    from plan_milestones ms
    join plan_actions a on a.id = ms.action_id
    join plan_themes t on t.id = a.theme_id
    join improvement_plans p on p.id = t.plan_id
    where ms.search @@ ${q}`,
    ],
  ]
}

/**
 * Published indicators, and the health services whose waiting lists are followed: a service is
 * found by "waiting list" too, as its page is the waiting list of the service.
 */
function figureHits(terms: SearchTerms, text: TextColumn): HitBranch[] {
  const q = terms.query
  const indicatorText = sql`concat_ws(' ', x.definition, x.source, x.owner, x.reference)`
  const serviceName = sql`s.name || ' waiting list'`
  return [
    [
      'indicator',
      sql`
    select 'indicator', 21, x.id, null, null, null, null, null, null, null, x.code, null, null, null, false,
      x.code || ' ' || x.name, null, ${text(indicatorText)},
      ${rank(q, sql`x.search`, sql`x.name`)}
    from indicators x
    where x.published and x.search @@ ${q}`,
    ],
    [
      'health-service',
      sql`
    select 'health-service', 22, s.id, null, null, null, null, null, null, null, s.slug, null, null, null, false,
      s.name, null, ${text(sql`concat_ws(' ', s.provider, s.waits_to)`)},
      ${rank(q, sql`to_tsvector('english', concat_ws(' ', ${serviceName}, s.provider, s.waits_to))`, serviceName)}
    from health_services s
    where to_tsvector('english', concat_ws(' ', ${serviceName}, s.provider, s.waits_to)) @@ ${q}`,
    ],
  ]
}
