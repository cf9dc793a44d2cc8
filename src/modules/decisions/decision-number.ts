import { z } from 'zod'
import { slugify } from '#src/modules/bodies/index.ts'

export const MAX_REFERENCE_LENGTH = 60

/**
 * The council's own reference for a decision, in whatever form it uses ("EX47/2023", "FEB14/CAB/09",
 * "Key decision 2024/07"), or null: Modern.gov decisions have none. Spaces are tidied, nothing else.
 */
export const decisionReference = z
  .string()
  .optional()
  .transform((value) => (value ?? '').trim().replace(/\s+/g, ' '))
  .refine(
    (value) => value.length <= MAX_REFERENCE_LENGTH,
    `Reference must be ${MAX_REFERENCE_LENGTH} characters or fewer`,
  )
  .transform((value) => value || null)

/**
 * The start of a decision's address: from its reference ("EX47/2023" → "ex47-2023"), else from its
 * date and title ("2024-03-05-home-to-school-transport"). A number is added when it is taken.
 */
export function decisionSlug(decision: { number: string | null; decidedOn: string; title: string }): string {
  const fromReference = decision.number ? slugify(decision.number) : ''
  return fromReference || slugify(`${decision.decidedOn} ${decision.title}`).replace(/-+$/, '')
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
