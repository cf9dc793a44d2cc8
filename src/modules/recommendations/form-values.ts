import { type FormValues, dateValues } from '#src/platform/forms/values.ts'
import { monthOrDateValues } from '#src/modules/workprogramme/index.ts'
import type { RecommendationRow } from './repository.ts'

/** Where this module's templates live, as the view engine names them. */
export const views = 'modules/recommendations/views'

/** A recommendation's details as the form shows them. */
export function detailsValues(recommendation: RecommendationRow): FormValues {
  return {
    number: recommendation.number,
    text: recommendation.text,
    responsiblePersonId: recommendation.responsiblePersonId ?? '',
    meetingId: recommendation.meetingId ?? '',
    toExecutive: recommendation.toExecutive ? 'yes' : '',
    sourceKind: recommendation.sourceKind,
    reviewTitle: recommendation.reviewTitle,
    ...dateValues('reviewReportedOn', recommendation.reviewReportedOn),
    ...dateValues('madeOn', recommendation.madeOn),
    ...monthOrDateValues('targetDate', {
      month: recommendation.targetMonth ?? recommendation.targetDate?.slice(0, 7) ?? null,
      on: recommendation.targetDate,
    }),
    ...dateValues('referredOn', recommendation.referredOn),
  }
}

export function statusValues(recommendation: RecommendationRow, today: string): FormValues {
  return {
    status: recommendation.status,
    withdrawnReason: recommendation.withdrawnReason,
    ...dateValues('completedOn', recommendation.completedOn ?? today),
    ...dateValues('withdrawnOn', recommendation.withdrawnOn ?? today),
  }
}

export function responseValues(recommendation: RecommendationRow): FormValues {
  return {
    response: recommendation.response ?? '',
    reasons: recommendation.responseReasons,
    ...dateValues('receivedOn', recommendation.responseReceivedOn),
  }
}
