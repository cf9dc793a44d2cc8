import { z } from 'zod'
import { isWholeNumber, isoDate, optionalText, optionalWholeNumber } from '#src/platform/forms/fields.ts'
import { ASPIRATIONS, GROUPS, POLARITIES, UNITS } from './tables.ts'

/**
 * A figure: blank clears it. Accepts "43%", "1,008" and "422/10,000" as the papers write them.
 * The form always sends every figure; a post without one is not the form, and changes nothing.
 */
const figure = (name: string) =>
  z
    .string({ error: `${name} is missing: use the form to enter figures` })
    .trim()
    .transform((value) => value.replace(/,/g, '').replace(/%$/, '').replace(/\/.*$/, '').trim())
    .refine((value) => value === '' || /^\d+(\.\d+)?$/.test(value), `${name} must be a number, like 422 or 14.5`)
    .transform((value) => (value === '' ? null : Number(value)))

export const valueSchema = z
  .object({
    target: figure('Target'),
    aspiration: z
      .union([z.literal(''), z.enum(ASPIRATIONS)], { error: 'Select an aspiration from the list' })
      .optional()
      .transform((value) => (value ? value : null)),
    actual: figure('Actual'),
    count: optionalWholeNumber('Count must be a whole number, like 1,200'),
    note: optionalText(2_000),
    england: figure('England'),
    region: figure('Region'),
    statisticalNeighbours: figure('Statistical neighbours'),
    benchmarkSource: optionalText(500),
  })
  .superRefine((value, context) => {
    if (value.target !== null && Number.isFinite(value.target) && value.aspiration) {
      context.addIssue({ code: 'custom', path: ['aspiration'], message: 'Give a target or an aspiration, not both' })
    }
    if (value.actual !== null && value.count !== null) {
      context.addIssue({ code: 'custom', path: ['count'], message: 'Give the actual or a count to work it out from, not both' })
    }
  })
export type ValueForm = z.infer<typeof valueSchema>

export const populationSchema = z.object({
  year: z
    .string({ error: 'Enter the year' })
    .trim()
    .min(1, 'Enter the year')
    .regex(/^(19|20)\d\d$/, 'The year must be a year like 2023')
    .transform(Number),
  children: z
    .string({ error: 'Enter the number of children' })
    .trim()
    .min(1, 'Enter the number of children')
    .transform((value) => value.replace(/,/g, ''))
    .refine((value) => isWholeNumber(value, 1), 'The number of children must be a whole number more than 0, like 28,400')
    .transform(Number),
  source: optionalText(500),
})

export const formatQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).optional().default('csv'),
  period: z.string().optional(),
})

const yesNo = (message: string) =>
  z.enum(['yes', 'no'], { error: message }).transform((value) => value === 'yes')

export const indicatorSchema = z.object({
  code: z
    .string({ error: 'Enter a code' })
    .trim()
    .min(1, 'Enter a code')
    .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/, 'The code must be up to 20 letters, numbers, dots or hyphens, like OF3.6'),
  name: z.string({ error: 'Enter the indicator’s name' }).trim().min(1, 'Enter the indicator’s name').max(300, 'The name must be 300 characters or fewer'),
  indicatorGroup: z.enum(GROUPS, { error: 'Select the group the indicator belongs to' }),
  unit: z.enum(UNITS, { error: 'Select what the indicator is measured in' }),
  polarity: z.enum(POLARITIES, { error: 'Select whether a higher or lower figure is better' }),
  decimals: z
    .string({ error: 'Enter the number of decimal places' })
    .trim()
    .regex(/^[0-3]$/, 'Decimal places must be 0, 1, 2 or 3')
    .transform(Number),
  tolerance: z
    .string({ error: 'Enter the margin before red' })
    .trim()
    .transform((value) => value.replace(/%$/, ''))
    .refine((value) => /^\d+(\.\d+)?$/.test(value) && Number(value) <= 100, 'The margin must be a percentage from 0 to 100, like 5')
    .transform((value) => Number(value) / 100),
  definition: optionalText(5_000),
  source: optionalText(300),
  owner: optionalText(300),
  reference: optionalText(50),
  published: yesNo('Select whether the indicator is published'),
})
export type IndicatorForm = z.infer<typeof indicatorSchema>

export const periodSchema = z.object({
  name: z.string({ error: 'Enter the period’s name' }).trim().min(1, 'Enter the period’s name').max(100, 'The name must be 100 characters or fewer'),
  slug: z
    .string({ error: 'Enter a short name for files' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter a short name for files')
    .regex(/^[a-z0-9-]{1,40}$/, 'The short name must be lower-case letters, numbers and hyphens, like 2024-10'),
  endsOn: isoDate('Enter the last day of the period as a real date, like 31 10 2024'),
  isBaseline: yesNo('Select whether this is a baseline'),
})
export type PeriodForm = z.infer<typeof periodSchema>
