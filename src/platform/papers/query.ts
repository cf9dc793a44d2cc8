import { z } from 'zod'
import { isRealDate, isoDate } from '#src/platform/forms/fields.ts'
import { BadRequestError } from '#src/platform/http/errors.ts'
import { firstOf } from '#src/platform/http/query.ts'
import { longDate } from '#src/platform/views/filters.ts'
import { PAPER_FORMATS, type PaperFormat } from './send.ts'

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

/**
 * What a page's query asks of its paper, for a page that reads its query without a schema: the format
 * (null for the page itself) and the day it is as at (`on`; the app's today when not given), read by
 * the same rules as the fields above.
 */
export function paperQuery(query: Record<string, unknown>): { format: PaperFormat | null; on: string | undefined } {
  const format = paperFormatField.parse(query.format) ?? null
  return { format, on: format ? paperOnField.parse(query.on) : undefined }
}

/** A date from a query ('YYYY-MM-DD'), undefined when not given; one that is not a real day is refused (400). */
export function queryDate(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string' || value.length > 10 || !isRealDate(value)) throw new BadRequestError()
  return value
}
