import { differenceInCalendarDays, parseISO } from 'date-fns'
import type { RagRating, RecommendationStatus } from './tables.ts'

/** How many days before its target date a recommendation without a recent update turns amber. */
export const AMBER_WINDOW_DAYS = 28
/** An update within this many days counts as recent. */
export const RECENT_UPDATE_DAYS = 28

export type Rag = RagRating | 'complete' | 'withdrawn' | 'target date needed'

export interface RagFacts {
  status: RecommendationStatus
  /** 'YYYY-MM-DD', or null while the target date is to be confirmed. */
  targetDate: string | null
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

const days = (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from))

/**
 * The rule alone, from stored facts and today: complete and withdrawn say so; no target date
 * needs one; past the target date is red; due within 28 days with no update in the last 28 days
 * is amber; anything else is green.
 */
export function computedRag(facts: Omit<RagFacts, 'ragOverride'>, today: string): Rag {
  if (facts.status === 'complete') return 'complete'
  if (facts.status === 'withdrawn') return 'withdrawn'
  if (!facts.targetDate) return 'target date needed'
  if (facts.targetDate < today) return 'red'
  const updatedRecently = facts.latestUpdateOn !== null && days(facts.latestUpdateOn, today) <= RECENT_UPDATE_DAYS
  if (days(today, facts.targetDate) <= AMBER_WINDOW_DAYS && !updatedRecently) return 'amber'
  return 'green'
}

/** The rating to show: a scrutiny officer's override wins while the recommendation is open. */
export function ragOf(facts: RagFacts, today: string): RagResult {
  const computed = computedRag(facts, today)
  if (facts.ragOverride && facts.status === 'open') return { rag: facts.ragOverride, computed, overridden: true }
  return { rag: computed, computed, overridden: false }
}

/** Past its target date and still open, whatever the RAG rating says. */
export function isOverdue(facts: { status: RecommendationStatus; targetDate: string | null }, today: string): boolean {
  return facts.status === 'open' && facts.targetDate !== null && facts.targetDate < today
}

export const RAG_LABELS: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  complete: 'Complete',
  withdrawn: 'Withdrawn',
  'target date needed': 'Target date needed',
}

/** GOV.UK tag colours: amber is the yellow tag. */
export const RAG_TAG_CLASSES: Record<Rag, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--yellow',
  green: 'govuk-tag--green',
  complete: 'govuk-tag--blue',
  withdrawn: 'govuk-tag--grey',
  'target date needed': 'govuk-tag--grey',
}

/** For sorting the tracker by RAG: what needs attention first. */
export const RAG_ORDER: Record<Rag, number> = {
  red: 0,
  amber: 1,
  'target date needed': 2,
  green: 3,
  complete: 4,
  withdrawn: 5,
}

export const RAGS = Object.keys(RAG_LABELS) as Rag[]
