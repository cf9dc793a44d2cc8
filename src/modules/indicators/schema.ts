import { z } from 'zod'
import { optionalText } from '#src/platform/forms/fields.ts'
import { ASPIRATIONS } from './tables.ts'

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
    count: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ?? '').replace(/,/g, ''))
      .refine((value) => value === '' || /^\d+$/.test(value), 'Count must be a whole number, like 1,200')
      .transform((value) => (value === '' ? null : Number(value))),
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
    .refine((value) => /^\d+$/.test(value) && Number(value) > 0, 'The number of children must be a whole number more than 0, like 28,400')
    .transform(Number),
  source: optionalText(500),
})

export const formatQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).optional().default('csv'),
  period: z.string().optional(),
})
