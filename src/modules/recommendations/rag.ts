import { type DueDatePolicy, dueDateRag, dueDayOf, isPastDue } from '#src/platform/rules/due-date-rag.ts'
import { RAG_TAGS } from '#src/platform/views/components/rag-tag.ts'
import type { RagRating, RecommendationStatus } from './tables.ts'

/** Amber: the target date is within 28 days and there has been no update in the last 28 days. */
export const RECOMMENDATION_RAG_POLICY: DueDatePolicy = { amberWithinDays: 28, recentUpdateWithinDays: 28 }

export type Rag = RagRating | 'complete' | 'withdrawn' | 'target date needed'

export interface RagFacts {
  status: RecommendationStatus
  /** 'YYYY-MM-DD', or null while the target is to be confirmed or when it is a month. */
  targetDate: string | null
  /** 'YYYY-MM' for a target of a month, due on its last day. */
  targetMonth: string | null
  /** The date of the latest update, or null when there is none. */
  latestUpdateOn: string | null
  /** A scrutiny officer's judgement, which wins over the computed rating while the recommendation is open. */
  ragOverride: RagRating | null
}

export interface RagResult {
  rag: Rag
  /** What the rule alone gives, shown beside an override. */
  computed: Rag
  overridden: boolean
}

/**
 * The rule alone, from stored facts and today: complete and withdrawn say so; no target date
 * needs one; otherwise the due-date rule under the recommendations' policy: past the target date
 * is red; due within 28 days with no update in the last 28 days is amber; anything else is green.
 */
export function computedRag(facts: Omit<RagFacts, 'ragOverride'>, today: string): Rag {
  if (facts.status !== 'open') return facts.status
  const work = { dueOn: targetDueOn(facts), lastUpdatedOn: facts.latestUpdateOn }
  return dueDateRag(work, today, RECOMMENDATION_RAG_POLICY) ?? 'target date needed'
}

/** The rating to show: a scrutiny officer's override wins while the recommendation is open. */
export function ragOf(facts: RagFacts, today: string): RagResult {
  const computed = computedRag(facts, today)
  if (facts.ragOverride && facts.status === 'open') return { rag: facts.ragOverride, computed, overridden: true }
  return { rag: computed, computed, overridden: false }
}

/** The day a recommendation is due: its target date, or the last day of its target month. */
export function targetDueOn(facts: { targetDate: string | null; targetMonth: string | null }): string | null {
  return dueDayOf({ on: facts.targetDate, month: facts.targetMonth })
}

/** Past its target (a month's target once the month is over) and still open, whatever the RAG rating says. */
export function isOverdue(
  facts: { status: RecommendationStatus; targetDate: string | null; targetMonth: string | null },
  today: string,
): boolean {
  return facts.status === 'open' && isPastDue({ on: facts.targetDate, month: facts.targetMonth }, today)
}

/** The ratings a recommendation can have, in the order the tracker's filter offers them. */
export const RAGS: Rag[] = ['red', 'amber', 'green', 'complete', 'withdrawn', 'target date needed']

/** Each rating in words, as its tag shows it, for the filter and the exports. */
export const RAG_LABELS = Object.fromEntries(RAGS.map((rag) => [rag, RAG_TAGS[rag].text])) as Record<Rag, string>

/** For sorting the tracker by RAG: what needs attention first. */
export const RAG_ORDER: Record<Rag, number> = {
  red: 0,
  amber: 1,
  'target date needed': 2,
  green: 3,
  complete: 4,
  withdrawn: 5,
}
