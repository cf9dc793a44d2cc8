import type { Generated } from 'kysely'
import type { CreatedAt, IsoDate, Uuid } from '#src/platform/db/column-types.ts'
import type { Version } from '#src/platform/db/version.ts'

export type RecommendationStatus = 'open' | 'complete' | 'withdrawn'
export type RagRating = 'red' | 'amber' | 'green'
export type ExecutiveResponse = 'accepted' | 'partly accepted' | 'rejected'
/** Where a recommendation was made: a committee's resolution, or a task and finish review's report. */
export type RecommendationSource = 'resolution' | 'review'

export interface RecommendationsTable {
  id: Uuid
  bodyId: string
  /** The body's own numbering, as the tracker prints it: "4", "2023/07"… unique within the body. */
  number: string
  madeOn: IsoDate
  /** Where it was made: null when added by hand without a source. */
  meetingId: string | null
  agendaItemId: string | null
  resolutionId: string | null
  sourceKind: Generated<RecommendationSource>
  /** The review report's title and date, for a recommendation of a review; '' and null otherwise. */
  reviewTitle: Generated<string>
  reviewReportedOn: IsoDate | null
  text: string
  /** Null while the target is to be confirmed, or when it is a month (targetMonth). */
  targetDate: IsoDate | null
  /** 'YYYY-MM' when the target is a month rather than a day: due at the month's end. */
  targetMonth: string | null
  responsiblePersonId: string | null
  status: Generated<RecommendationStatus>
  completedOn: IsoDate | null
  withdrawnOn: IsoDate | null
  withdrawnReason: Generated<string>
  toExecutive: Generated<boolean>
  referredOn: IsoDate | null
  response: ExecutiveResponse | null
  responseReasons: Generated<string>
  responseReceivedOn: IsoDate | null
  ragOverride: RagRating | null
  ragOverrideReason: Generated<string>
  createdAt: CreatedAt
  version: Version
}

export interface RecommendationUpdatesTable {
  id: Uuid
  recommendationId: string
  /** The date the update speaks for, 'YYYY-MM-DD'. */
  onDate: IsoDate
  authorUserId: string | null
  /** Kept as written, so the update still says who wrote it if the account goes. */
  authorName: string
  text: string
  createdAt: CreatedAt
}

export interface RecommendationsTables {
  recommendations: RecommendationsTable
  recommendationUpdates: RecommendationUpdatesTable
}
