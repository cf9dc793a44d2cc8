import { exemptNotice } from '#src/platform/exemption/schedule-12a.ts'
import { longDate, longDateWithDay } from '#src/platform/views/filters.ts'
import { monthOrDateLabel, workProgrammePath } from '#src/modules/workprogramme/index.ts'
import type { SearchHitKind, SearchHitRow } from './repository.ts'
import { snippetHtml } from './snippet.ts'

export const RESULTS_PER_PAGE = 20

/** Each kind's label, in the order the type filter lists them. */
export const HIT_KIND_LABELS: Record<SearchHitKind, string> = {
  body: 'Committee or body',
  meeting: 'Meeting',
  item: 'Agenda item',
  report: 'Report',
  document: 'Document',
  resolution: 'Resolution',
  question: 'Public question',
  motion: 'Motion',
  petition: 'Petition',
  recommendation: 'Recommendation',
  'recommendation-update': 'Recommendation update',
  decision: 'Decision',
  'forward-plan-item': 'Forward plan item',
  'work-programme-item': 'Work programme item',
  inspection: 'Inspection',
  finding: 'Inspection finding',
  action: 'Improvement plan action',
  milestone: 'Improvement plan milestone',
  indicator: 'Indicator',
  'health-service': 'Waiting list',
}

/** What is read at a meeting's address: the meeting and its papers. */
const MEETING_KINDS: ReadonlySet<SearchHitKind> = new Set([
  'meeting',
  'item',
  'report',
  'resolution',
  'question',
  'motion',
  'document',
])

/** `id` is needed for a document (its file is the hit's address) and for records addressed by id. */
type HitAddress = Pick<SearchHitRow, 'kind' | 'meetingSlug' | 'itemPosition' | 'position' | 'slug'> &
  Partial<Pick<SearchHitRow, 'id' | 'parentSlug'>>

const at = (...parts: (string | null | undefined)[]) => parts.map((part) => encodeURIComponent(part ?? '')).join('/')

/**
 * Where each kind of hit is read: the agenda item, a question or a motion on the meeting page, the
 * report page, the minutes, a document's file, and each other record's own page (a finding, a
 * milestone or an update at its place on the page it is shown on).
 */
export function hitHref(hit: HitAddress): string {
  const { slug, parentSlug, id } = hit
  switch (hit.kind) {
    case 'petition':
      return `/petitions/${at(slug)}`
    case 'document':
      return `/documents/${at(id)}`
    case 'body':
      return `/bodies/${at(slug)}`
    case 'recommendation':
      return `/recommendations/${at(id)}`
    case 'recommendation-update':
      return `/recommendations/${at(parentSlug)}#updates`
    case 'decision':
      return `/decisions/${at(slug)}`
    case 'forward-plan-item':
      return `/forward-plan/${at(parentSlug)}/items/${at(slug)}`
    case 'work-programme-item':
      return `${workProgrammePath(at(parentSlug))}/${at(id)}`
    case 'inspection':
      return `/inspections/${at(slug)}`
    case 'finding':
      return `/inspections/${at(parentSlug)}#finding-${at(id)}`
    case 'action':
      return `/improvement-plans/${at(parentSlug)}/actions/${at(slug)}`
    case 'milestone':
      return `/improvement-plans/${at(parentSlug)}/actions/${at(slug)}#milestone-${at(id)}`
    case 'indicator':
      return `/outcomes/${at(slug)}`
    case 'health-service':
      return `/waiting-lists/${at(slug)}`
    default:
      return meetingHref(hit)
  }
}

function meetingHref(hit: HitAddress): string {
  const meeting = `/meetings/${at(hit.meetingSlug)}`
  if (hit.kind === 'report') return `${meeting}/items/${hit.itemPosition}/report`
  if (hit.kind === 'resolution') return `${meeting}/minutes#item-${hit.itemPosition}`
  if (hit.kind === 'question') return `${meeting}#question-${hit.position}`
  if (hit.kind === 'motion') return `${meeting}#motion-${hit.position}`
  if (hit.kind === 'meeting') return meeting
  return `${meeting}#item-${hit.itemPosition}`
}

/**
 * The line under a result's title: the meeting, its body and date, and the item, for what belongs to
 * a meeting; the body a petition was presented to, and when; for anything else, what it belongs to
 * and its date.
 */
export function hitContext(hit: SearchHitRow): string {
  if (MEETING_KINDS.has(hit.kind)) {
    return [
      hit.bodyName,
      longDateWithDay(hit.onDate),
      hit.itemNumber ? `item ${hit.itemNumber}` : null,
      hit.resolutionNumber ? `resolution ${hit.resolutionNumber}` : null,
    ]
      .filter(Boolean)
      .join(', ')
  }
  if (hit.kind === 'petition') {
    if (!hit.bodyName && !hit.onDate) return ''
    return `Presented${hit.bodyName ? ` to ${hit.bodyName}` : ''}${hit.onDate ? ` on ${longDate(hit.onDate)}` : ''}`
  }
  const date = hit.monthOnly
    ? monthOrDateLabel({ month: hit.onDate?.slice(0, 7) ?? null, on: null })
    : longDate(hit.onDate)
  return [hit.bodyName ?? hit.context, date].filter(Boolean).join(', ')
}

/** A hit as the results page shows it. */
export function searchResult(hit: SearchHitRow) {
  return {
    kind: hit.kind,
    kindLabel: HIT_KIND_LABELS[hit.kind],
    title: hit.title,
    href: hitHref(hit),
    context: hitContext(hit),
    /** An exempt item shows its title and paragraph, never a snippet of text. */
    exempt: exemptNotice(hit),
    /** What the tag calls it: a forward plan's decision is to be taken in private; anything else is exempt. */
    exemptTag: hit.kind === 'forward-plan-item' ? 'Private' : 'Exempt',
    snippet: exemptNotice(hit) ? null : snippetHtml(hit.headline),
  }
}

export type SearchResult = ReturnType<typeof searchResult>

/** "1 result" / "3 results". */
export function resultCount(total: number): string {
  return `${total.toLocaleString('en-GB')} ${total === 1 ? 'result' : 'results'}`
}
