import type { VoteView } from './view.ts'

export type Voted<T> = T & { vote: VoteView | null }

/**
 * Each motion and each of its amendments with the vote taken on it, or null when none was taken or
 * the viewer may not read it. `votes` are those the viewer may read; a vote is on one subject only.
 */
export function withVotes<M extends { id: string; amendments: { id: string }[] }>(
  motions: M[],
  votes: VoteView[],
): (Voted<Omit<M, 'amendments'>> & { amendments: Voted<M['amendments'][number]>[] })[] {
  const onMotion = new Map(votes.flatMap((vote) => (vote.motionId ? [[vote.motionId, vote] as const] : [])))
  const onAmendment = new Map(votes.flatMap((vote) => (vote.amendmentId ? [[vote.amendmentId, vote] as const] : [])))
  return motions.map((motion) => ({
    ...motion,
    vote: onMotion.get(motion.id) ?? null,
    amendments: motion.amendments.map((amendment) => ({ ...amendment, vote: onAmendment.get(amendment.id) ?? null })),
  }))
}
