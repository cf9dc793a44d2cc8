import { z } from 'zod'
import { PAPER_FORMATS } from '#src/platform/papers/send.ts'
import { firstOf } from '#src/platform/http/query.ts'
import { pageNumber } from '#src/platform/http/pagination.ts'
import { isWholeNumber, isoDate, optionalText, optionalWholeNumber } from '#src/platform/forms/fields.ts'
import { ASPIRATIONS, type IndicatorUnit, POLARITIES, UNITS } from './tables.ts'

/** The largest figure held: a bigger one is a slip of the keyboard, not a council's figure. */
export const MAX_FIGURE = 999_999_999

/**
 * An indicator value's fields by the name the form's messages and an import file's columns give
 * them: the template's column headings are these names.
 */
export const VALUE_FIELD_NAMES = {
  target: 'Target',
  aspiration: 'Aspiration',
  actual: 'Actual',
  count: 'Count',
  note: 'Note',
  england: 'England',
  region: 'Region',
  statisticalNeighbours: 'Statistical neighbours',
  benchmarkSource: 'Benchmark source',
} as const
export type ValueField = keyof typeof VALUE_FIELD_NAMES
const FIGURE_FIELDS = ['target', 'actual', 'england', 'region', 'statisticalNeighbours'] as const

/**
 * A figure as the papers write it: 422, 1,008, 14.5, 43% or 422/10,000 (the rate before the
 * slash); blank is none. Commas only between thousands, so "10,00" is a slip, not a thousand.
 * The number, null for blank, or what is wrong.
 */
function readFigure(text: string, name: string): number | null | string {
  if (text === '') return null
  const figure = text.split('/')[0].replace(/\s*%$/, '').trim()
  if (/^-\s*[\d.,]/.test(figure)) return `${name} cannot be negative`
  if (!/^(\d+|\d{1,3}(,\d{3})+)?(\.\d+)?$/.test(figure) || !/\d/.test(figure))
    return `${name} must be a number, like 422 or 14.5`
  const number = Number(figure.replace(/,/g, ''))
  return number > MAX_FIGURE ? `${name} must be less than ${(MAX_FIGURE + 1).toLocaleString('en-GB')}` : number
}

/**
 * A figure field: blank clears it. The form always sends every figure; a post without one is not
 * the form, and changes nothing. An import file's blank cell is "not given", which the import
 * decides before it parses with this schema.
 */
const figure = (name: string, options: { whole?: boolean } = {}) =>
  z
    .string({ error: `${name} is missing: use the form to enter figures` })
    .trim()
    .transform((text, context) => {
      const figure = readFigure(text, name)
      const problem =
        typeof figure === 'string'
          ? figure
          : options.whole && figure !== null && !Number.isInteger(figure)
            ? `${name} must be a whole number, like 1,200`
            : null
      if (problem === null) return figure as number | null
      // The rest of the record is still checked, so that every problem is named at once.
      context.addIssue({ code: 'custom', message: problem, continue: true })
      return z.NEVER
    })

/**
 * One indicator value, from the analyst's form or a row of an import file: the same rules for
 * both. What depends on the indicator's unit is in unitProblems, which both also apply.
 */
export const valueSchema = z
  .object({
    target: figure('Target'),
    aspiration: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((value) => value ?? '')
      .pipe(
        z.union([z.literal(''), z.enum(ASPIRATIONS)], { error: 'Aspiration must be increase, decrease or maintain' }),
      )
      .transform((value) => (value ? value : null)),
    actual: figure('Actual'),
    count: z
      .string()
      .optional()
      .transform((value) => value ?? '')
      .pipe(figure('Count', { whole: true })),
    note: optionalText(2_000),
    england: figure('England'),
    region: figure('Region'),
    statisticalNeighbours: figure('Statistical neighbours'),
    benchmarkSource: optionalText(500),
  })
  .superRefine((value, context) => {
    // A figure that failed its own check is not a number here, and is not held against another.
    if (typeof value.target === 'number' && value.aspiration) {
      context.addIssue({ code: 'custom', path: ['aspiration'], message: 'Give a target or an aspiration, not both' })
    }
    if (typeof value.actual === 'number' && typeof value.count === 'number') {
      context.addIssue({
        code: 'custom',
        path: ['count'],
        message: 'Give the actual or a count to work it out from, not both',
      })
    }
  })
export type ValueForm = z.infer<typeof valueSchema>

type Figures = Partial<Record<(typeof FIGURE_FIELDS)[number] | 'count', number | null>>

/**
 * What an indicator's unit allows of the figures given (undefined or null are not checked): a
 * percentage is from 0 to 100, a count is a whole number, and only a rate per 10,000 is worked
 * out from a count of children. The form's save and an import's check both apply it.
 */
export function unitProblems(
  unit: IndicatorUnit,
  figures: Figures,
  /** The indicator's name, so that a message read away from its page (an import's report) says which. */
  indicatorName?: string,
): { field: ValueField; message: string }[] {
  const problems: { field: ValueField; message: string }[] = []
  const of = indicatorName ? ` for “${indicatorName}”` : ''
  for (const field of FIGURE_FIELDS) {
    const value = figures[field]
    if (value === null || value === undefined) continue
    const name = VALUE_FIELD_NAMES[field]
    if (unit === 'percentage' && value > 100)
      problems.push({ field, message: `${name}${of} must be a percentage from 0 to 100, like 43` })
    if (unit === 'count' && !Number.isInteger(value))
      problems.push({ field, message: `${name}${of} must be a whole number, like 1,200` })
  }
  if (figures.count !== null && figures.count !== undefined && unit !== 'rate per 10000') {
    problems.push({ field: 'count', message: 'Count is only for rates per 10,000' })
  }
  return problems
}

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
    .refine(
      (value) => isWholeNumber(value, 1),
      'The number of children must be a whole number more than 0, like 28,400',
    )
    .transform(Number),
  source: optionalText(500),
})

/**
 * An indicator page's query: a page of its figures by period (none, or one that is not a page number,
 * for the latest), or the period whose page to show.
 */
export const indicatorQuerySchema = z.object({
  page: z.preprocess(
    firstOf,
    z.unknown().transform((value) => (pageNumber(value) === Number(value) ? Number(value) : undefined)),
  ),
  period: z.preprocess(firstOf, z.string().max(40).optional().catch(undefined)),
})

/** The framework page's query: which page, and how many figures an import just saved, to say so. */
export const frameworkQuerySchema = z.object({
  page: z.preprocess(firstOf, z.unknown().transform(pageNumber)),
  /** A paper of the framework: its format, and the reporting period it is for (the latest reported when none). */
  format: z.enum(PAPER_FORMATS).optional().catch(undefined),
  period: z.string().max(40).optional(),
  imported: z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .optional()
    .catch(undefined)
    .transform((value) => value ?? null),
})

export const formatQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).optional().default('csv'),
  period: z.string().optional(),
})

const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message }).transform((value) => value === 'yes')

export const indicatorSchema = z.object({
  code: z
    .string({ error: 'Enter a code' })
    .trim()
    .min(1, 'Enter a code')
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/,
      'The code must be up to 20 letters, numbers, dots or hyphens, like OF3.6',
    ),
  name: z
    .string({ error: 'Enter the indicator’s name' })
    .trim()
    .min(1, 'Enter the indicator’s name')
    .max(300, 'The name must be 300 characters or fewer'),
  indicatorGroup: z
    .string({ error: 'Select the group the indicator belongs to' })
    .trim()
    .min(1, 'Select the group the indicator belongs to')
    .max(80, 'Select the group the indicator belongs to'),
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
    .refine(
      (value) => /^\d+(\.\d+)?$/.test(value) && Number(value) <= 100,
      'The margin must be a percentage from 0 to 100, like 5',
    )
    .transform((value) => Number(value) / 100),
  definition: optionalText(5_000),
  source: optionalText(300),
  owner: optionalText(300),
  reference: optionalText(50),
  published: yesNo('Select whether the indicator is published'),
})
export type IndicatorForm = z.infer<typeof indicatorSchema>

export const periodSchema = z.object({
  name: z
    .string({ error: 'Enter the period’s name' })
    .trim()
    .min(1, 'Enter the period’s name')
    .max(100, 'The name must be 100 characters or fewer'),
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

/** One of the council's indicator groups: its name and place in the framework. */
export const groupSchema = z.object({
  name: z
    .string({ error: 'Enter the group’s name' })
    .trim()
    .min(1, 'Enter the group’s name')
    .max(200, 'The name must be 200 characters or fewer'),
  position: optionalWholeNumber('Enter the position as a whole number, like 3'),
})
export type GroupForm = z.infer<typeof groupSchema>
