import { dateParts } from '#src/platform/forms/fields.ts'
import type { RecommendationRow } from './repository.ts'

/** Where this module's templates live, as the view engine names them. */
export const views = 'modules/recommendations/views'

export type FormValues = Record<string, unknown>

/** A date as the three fields of a GOV.UK date input. */
export function dateValues(name: string, value: string | null | undefined): FormValues {
  const parts = dateParts(value)
  return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year }
}

/** A recommendation's details as the form shows them. */
export function detailsValues(recommendation: RecommendationRow): FormValues {
  return {
    number: recommendation.number,
    text: recommendation.text,
    responsiblePersonId: recommendation.responsiblePersonId ?? '',
    meetingId: recommendation.meetingId ?? '',
    toExecutive: recommendation.toExecutive ? 'yes' : '',
    ...dateValues('madeOn', recommendation.madeOn),
    ...dateValues('targetDate', recommendation.targetDate),
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

/** Items for a govukSelect: a first "none" choice, then the choices, with the selected one marked. */
export function selectItems(none: string, choices: { value: string; text: string }[], selected: unknown) {
  return [{ value: '', text: none }, ...choices].map((item) => ({ ...item, selected: item.value === (selected ?? '') }))
}
