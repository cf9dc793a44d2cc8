import { exemptNotice } from '#src/platform/exemption/schedule-12a.ts'
import type { SearchHitKind, SearchHitRow } from './repository.ts'
import { snippetHtml } from './snippet.ts'

export const RESULTS_PER_PAGE = 20

export const HIT_KIND_LABELS: Record<SearchHitKind, string> = {
  item: 'Agenda item',
  report: 'Report',
  resolution: 'Resolution',
  question: 'Public question',
  motion: 'Motion',
  petition: 'Petition',
  document: 'Document',
}

/** `id` is needed only for a document, whose file is the hit's address. */
type HitAddress = Pick<SearchHitRow, 'kind' | 'meetingSlug' | 'itemPosition' | 'position' | 'petitionSlug'> & {
  id?: string
}

/**
 * Where each kind of hit is read: the agenda item, a question or a motion on the meeting page, the
 * report page, the minutes, the petition's page, a document's file.
 */
export function hitHref(hit: HitAddress): string {
  if (hit.kind === 'petition') return `/petitions/${encodeURIComponent(hit.petitionSlug ?? '')}`
  if (hit.kind === 'document') return `/documents/${encodeURIComponent(hit.id ?? '')}`
  const meeting = `/meetings/${encodeURIComponent(hit.meetingSlug ?? '')}`
  if (hit.kind === 'report') return `${meeting}/items/${hit.itemPosition}/report`
  if (hit.kind === 'resolution') return `${meeting}/minutes#item-${hit.itemPosition}`
  if (hit.kind === 'question') return `${meeting}#question-${hit.position}`
  if (hit.kind === 'motion') return `${meeting}#motion-${hit.position}`
  return `${meeting}#item-${hit.itemPosition}`
}

/** A hit as the results page shows it. */
export function searchResult(hit: SearchHitRow) {
  return {
    kind: hit.kind,
    kindLabel: HIT_KIND_LABELS[hit.kind],
    title: hit.title,
    href: hitHref(hit),
    bodyName: hit.bodyName,
    meetingDate: hit.meetingDate,
    itemNumber: hit.itemNumber,
    resolutionNumber: hit.resolutionNumber,
    /** An exempt item shows its title and paragraph, never a snippet of text. */
    exempt: exemptNotice(hit),
    snippet: exemptNotice(hit) ? null : snippetHtml(hit.headline),
  }
}

export type SearchResult = ReturnType<typeof searchResult>

/** "1 result" / "3 results". */
export function resultCount(total: number): string {
  return `${total.toLocaleString('en-GB')} ${total === 1 ? 'result' : 'results'}`
}
