import { z } from 'zod'
import { isoDate, optionalIsoDate, optionalText } from '#src/platform/forms/fields.ts'

const ADDRESS = 'Enter the address of the council’s Modern.gov site, like https://democracy.example.gov.uk'
const MAX_COMMITTEES = 50

/** The fields of the form that starts an import from a web service address, in the order it shows them. */
export const NEW_IMPORT_FIELDS = ['address', 'from', 'to', 'bodies'] as const

/** An import from a council's Modern.gov web service, started from the admin page. */
export const newImportSchema = z
  .object({
    address: z
      .string({ error: ADDRESS })
      .trim()
      .min(1, ADDRESS)
      .max(2_000, 'Must be 2,000 characters or fewer')
      .refine((value) => /^https?:\/\/[^\s/]+\S*$/i.test(value) && URL.canParse(value), ADDRESS)
      .refine((value) => {
        const url = URL.canParse(value) ? new URL(value) : null
        return !url?.username && !url?.password
      }, 'Enter the address without a user name or password: the web service needs none'),
    from: isoDate('Enter the date of the first meetings to import, like 1 9 2020'),
    to: optionalIsoDate('Enter a real date for the last meetings to import, like 31 8 2024'),
    // One committee's name a line, as Modern.gov gives it.
    bodies: optionalText(MAX_COMMITTEES * 201)
      .transform((value) =>
        value
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .refine((names) => names.length <= MAX_COMMITTEES, `Enter ${MAX_COMMITTEES} committees or fewer`)
      .refine(
        (names) => names.every((name) => name.length <= 200),
        'Each committee’s name must be 200 characters or fewer',
      ),
  })
  .superRefine((value, context) => {
    if (value.to && value.to < value.from)
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The date of the last meetings must be the same as or after the date of the first',
      })
  })
export type NewImportForm = z.infer<typeof newImportSchema>
