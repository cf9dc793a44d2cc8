import { z } from 'zod'
import { optionalText, optionalWholeNumber, requiredText } from '#src/platform/forms/fields.ts'

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** A count the source may not give: blank is "not known", never zero. */
const count = (name: string) => optionalWholeNumber(`${name} must be a whole number, like 331`)

const weeks = (name: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value ?? '')
    .refine((value) => value === '' || /^\d+(\.\d)?$/.test(value), `${name} must be a number of weeks, like 26 or 26.5`)
    .transform((value) => (value === '' ? null : Number(value)))

/** The month-and-year fields joined by the route as 'YYYY-MM', or ''. */
const month = z
  .string()
  .refine((value) => value !== '', 'Enter the month the figures are for')
  .refine((value) => value === '' || MONTH.test(value), 'The month must be a real month, like 12 2023')

export const figuresSchema = z
  .object({
    month,
    referralsWaiting: count('Referrals waiting'),
    over18Weeks: count('Number waiting over 18 weeks'),
    over52Weeks: count('Number waiting over 52 weeks'),
    over78Weeks: count('Number waiting over 78 weeks'),
    averageWeeks: weeks('Average wait'),
    longestWeeks: weeks('Longest wait'),
    source: optionalText(500),
    note: optionalText(2_000),
  })
  .superRefine((value, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message })
    const figures = [
      value.referralsWaiting,
      value.over18Weeks,
      value.over52Weeks,
      value.over78Weeks,
      value.averageWeeks,
      value.longestWeeks,
    ]
    if (figures.every((figure) => figure === null)) issue('referralsWaiting', 'Enter at least one figure')
    // A figure that failed its own check already has its message: compare only real numbers.
    const known = (n: number | null) => n !== null && Number.isFinite(n)
    const atMost = (smaller: number | null, larger: number | null) =>
      !known(smaller) || !known(larger) || smaller! <= larger!
    if (!atMost(value.over18Weeks, value.referralsWaiting))
      issue('over18Weeks', 'The number waiting over 18 weeks cannot be more than the referrals waiting')
    if (!atMost(value.over52Weeks, value.over18Weeks))
      issue('over52Weeks', 'The number waiting over 52 weeks cannot be more than the number waiting over 18 weeks')
    if (!atMost(value.over78Weeks, value.over52Weeks))
      issue('over78Weeks', 'The number waiting over 78 weeks cannot be more than the number waiting over 52 weeks')
    if (!atMost(value.averageWeeks, value.longestWeeks))
      issue('longestWeeks', 'The longest wait cannot be shorter than the average wait')
  })
export type FiguresForm = z.infer<typeof figuresSchema>

/** Field ids for the error summary: the month's first input. */
export const FIELD_IDS = { month: 'month-month' }

export const monthQuerySchema = z.object({
  month: z
    .string()
    .regex(MONTH, 'The month must look like 2023-12')
    .optional()
    .meta({ description: 'The month, YYYY-MM; the latest month with figures when left out', examples: ['2023-12'] }),
})

/** The new figures form's query: the month to fill in, when the link names one. */
export const newFiguresQuerySchema = z.object({ month: z.string().regex(MONTH).optional().catch(undefined) })

/** A health service whose waiting list the committee follows. */
export const healthServiceSchema = z.object({
  name: requiredText('Enter the name of the service', 120),
  provider: optionalText(120),
  waitsTo: optionalText(120),
  position: optionalWholeNumber('Enter the position as a whole number, like 3'),
})
export type HealthServiceForm = z.infer<typeof healthServiceSchema>
