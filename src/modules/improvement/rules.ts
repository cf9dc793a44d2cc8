import { type DueDatePolicy, dueDateRag } from '#src/platform/rules/due-date-rag.ts'
import type { MilestoneStatus } from './tables.ts'

/**
 * The derived views of an improvement plan, each worked out from stored facts and the app's
 * clock: a milestone's RAG and staleness, an action's status rolled up from its milestones,
 * counts by RAG for a theme or the plan, and what is missing (coverage).
 */

export type MilestoneRag = 'complete' | 'red' | 'amber' | 'green' | 'dropped'

/**
 * Amber: due within 30 days and not updated for 60 days. An update 60 days ago is 60 days without
 * one, so an update counts as recent for 59 days.
 */
export const MILESTONE_RAG_POLICY: DueDatePolicy = { amberWithinDays: 30, recentUpdateWithinDays: 59 }

/**
 * Complete when complete. Otherwise the due-date rule under the milestones' policy: red when past
 * its due date; amber when due within 30 days and not updated for 60 days (or never); green
 * otherwise, including with no due date (the coverage view lists those). A dropped milestone is
 * shown as dropped and counts for nothing.
 */
export function milestoneRag(
  milestone: { status: MilestoneStatus; dueOn: string | null },
  lastUpdatedOn: string | null,
  today: string,
): MilestoneRag {
  if (milestone.status === 'complete' || milestone.status === 'dropped') return milestone.status
  return dueDateRag({ dueOn: milestone.dueOn, lastUpdatedOn }, today, MILESTONE_RAG_POLICY) ?? 'green'
}

/**
 * A milestone's status as it was at the end of `on`: its status now, unless an update after that day
 * changed it, when it is what the first such change changed it from. `updates` are the milestone's,
 * latest first (as stored: by date, then by when they were posted).
 */
export function statusOn(
  status: MilestoneStatus,
  updates: { onDate: string; statusFrom: MilestoneStatus | null }[],
  on: string,
): MilestoneStatus {
  return updates.filter((update) => update.onDate > on && update.statusFrom !== null).at(-1)?.statusFrom ?? status
}

/**
 * Stale: not complete or dropped, and no update since the last meeting that considered the plan
 * (none when the plan has not been considered yet).
 */
export function isStale(
  milestone: { status: MilestoneStatus },
  lastUpdatedOn: string | null,
  lastConsideredOn: string | null,
): boolean {
  if (milestone.status === 'complete' || milestone.status === 'dropped' || lastConsideredOn === null) return false
  return lastUpdatedOn === null || lastUpdatedOn < lastConsideredOn
}

const WORST_FIRST = ['red', 'amber', 'green', 'complete'] as const

/** An action's status: the worst of its milestones (dropped ones aside); none without milestones. */
export function actionRag(milestoneRags: MilestoneRag[]): Exclude<MilestoneRag, 'dropped'> | 'no milestones' {
  const counted = new Set(milestoneRags.filter((rag) => rag !== 'dropped'))
  return WORST_FIRST.find((rag) => counted.has(rag)) ?? 'no milestones'
}

export type RagCounts = Record<'red' | 'amber' | 'green' | 'complete' | 'dropped', number>

/** Milestones counted by RAG, for a theme or the whole plan. */
export function countByRag(milestoneRags: MilestoneRag[]): RagCounts {
  const counts: RagCounts = { red: 0, amber: 0, green: 0, complete: 0, dropped: 0 }
  for (const rag of milestoneRags) counts[rag] += 1
  return counts
}

/** What the plan is missing: findings no action answers, actions with no milestone, milestones with no due date. */
export function coverage<
  F extends { id: string },
  A extends { id: string; findingIds: string[]; milestoneCount: number },
  M extends { dueOn: string | null; dueNote: string; status: MilestoneStatus },
>(findings: F[], actions: A[], milestones: M[]) {
  const answered = new Set(actions.flatMap((action) => action.findingIds))
  return {
    findingsWithoutAction: findings.filter((finding) => !answered.has(finding.id)),
    actionsWithoutMilestone: actions.filter((action) => action.milestoneCount === 0),
    milestonesWithoutDueDate: milestones.filter(
      (m) => m.dueOn === null && m.status !== 'complete' && m.status !== 'dropped',
    ),
  }
}

/** What the plan's milestones page lists: every filter given must hold. */
export interface MilestoneFilter {
  rag?: MilestoneRag | undefined
  themeId?: string | undefined
  /** A lead's name, as the plan writes it. */
  lead?: string | undefined
  /** Only those with no update since the committee last considered the plan. */
  stale?: boolean | undefined
}

/** Whether a milestone (with its action's theme and leads) is among those the filter asks for. */
export function milestoneMatches(
  milestone: { rag: MilestoneRag; stale: boolean },
  action: { themeId: string; leads: { name: string }[] },
  filter: MilestoneFilter,
): boolean {
  if (filter.rag && milestone.rag !== filter.rag) return false
  if (filter.themeId && action.themeId !== filter.themeId) return false
  if (filter.lead && !action.leads.some((lead) => lead.name === filter.lead)) return false
  if (filter.stale && !milestone.stale) return false
  return true
}
