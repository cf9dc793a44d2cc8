import { slugify } from '#src/modules/bodies/index.ts'

/** "EX47/2023", "PH12/2024": letters, a number, a slash and the year. */
export const DECISION_NUMBER = /^[A-Za-z]{1,6}\s?\d{1,5}\/\d{4}$/

/** As the register prints it: capitals, no space ("ex 47/2023" → "EX47/2023"). */
export function normaliseDecisionNumber(number: string): string {
  return number.trim().replace(/\s+/g, '').toUpperCase()
}

/** The decision's address: "EX47/2023" → "ex47-2023". */
export function decisionSlug(number: string): string {
  return slugify(normaliseDecisionNumber(number))
}

/**
 * The decision as the form's textarea holds it, one part per line, into its parts: blank lines go,
 * and a number the officer typed ("1. ", "2)") goes too, since the page numbers the parts itself.
 */
export function partsFromText(text: string): string[] {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.trim().replace(/^\d{1,3}[.)]\s+/, ''))
    .filter(Boolean)
}
