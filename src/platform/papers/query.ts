import { z } from 'zod'
import { isoDate } from '#src/platform/forms/fields.ts'
import { firstOf } from '#src/platform/http/query.ts'
import { longDate } from '#src/platform/views/filters.ts'
import { PAPER_FORMATS } from './send.ts'

/**
 * What a page's query says about its paper: `?on=2024-01-25`, the date the record is shown as at.
 * A date that is not a real one is ignored, as the pages' filters ignore a choice they do not offer:
 * the paper prints the date it was made as at, so a reader always sees which.
 */
export const paperOnField = z.preprocess(firstOf, isoDate('Enter a real date').optional().catch(undefined))

/** `?format=pdf` or `?format=docx`: the page as a paper; anything else is the page itself. */
export const paperFormatField = z.preprocess(firstOf, z.enum(PAPER_FORMATS).optional().catch(undefined))

/** "As at 25 January 2024", printed under a generated paper's title. */
export function asAtText(on: string): string {
  return `As at ${longDate(on)}`
}
