import { addMonths, format, parseISO } from 'date-fns'

/** Months the Executive has to respond to a recommendation referred to it. */
export const RESPONSE_MONTHS = 2

/**
 * The date the Executive's response is due: two calendar months after referral, falling back to
 * the month's last day when it is shorter (referred 31 December 2023 → due 29 February 2024).
 */
export function responseDueOn(referredOn: string): string {
  return format(addMonths(parseISO(referredOn), RESPONSE_MONTHS), 'yyyy-MM-dd')
}

/** Referred, no response yet, and the due date has passed. */
export function responseIsOverdue(
  facts: { toExecutive: boolean; referredOn: string | null; responseReceivedOn: string | null },
  today: string,
): boolean {
  if (!facts.toExecutive || !facts.referredOn || facts.responseReceivedOn) return false
  return responseDueOn(facts.referredOn) < today
}
