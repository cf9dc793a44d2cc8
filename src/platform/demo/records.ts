import { z } from 'zod'
import type { ExemptColumns } from '#src/platform/db/column-types.ts'
import { clockTime, isoDate } from '#src/platform/forms/fields.ts'

/**
 * What the modules' demo loaders have in common (ADR 9). Each module declares the demo records it
 * loads as a zod schema and writes them into its own tables; records point at other modules'
 * records by slug, and a loader is handed a lookup from slug to id for each of them.
 */

export const demoDate = isoDate('Expected a real date, YYYY-MM-DD')
export const demoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month, YYYY-MM')
export const demoTime = clockTime('Expected a time, HH:MM on the 24-hour clock')
export const demoSlug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Expected a slug: lower-case letters and digits joined by hyphens')
export const demoText = z.string().trim().min(1, 'Expected some text')

/** Schedule 12A, Part 1: the paragraph, why it applies, and when to look at it again. */
export const demoExemption = z.strictObject({
  paragraph: z.int().min(1).max(7),
  reason: demoText,
  reviewOn: demoDate,
})

export function exemptColumns(exempt: z.output<typeof demoExemption> | undefined): ExemptColumns {
  return {
    exemptParagraph: exempt?.paragraph ?? null,
    exemptReason: exempt?.reason ?? null,
    exemptReviewOn: exempt?.reviewOn ?? null,
  }
}

/** The id of a record by its key; a key the demo does not hold is an error naming it. */
export type DemoLookup = (key: string) => string

export function demoLookup(what: string, entries: Iterable<readonly [string, string]>): DemoLookup {
  const ids = new Map(entries)
  return (key) => {
    const id = ids.get(key)
    if (id === undefined) throw new Error(`The demo data refers to ${what} "${key}", which it does not hold`)
    return id
  }
}
