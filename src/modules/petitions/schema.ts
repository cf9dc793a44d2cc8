import { z } from 'zod'
import {
  checkbox,
  optionalIsoDate,
  optionalText,
  optionalWholeNumber,
  requiredText,
} from '#src/platform/forms/fields.ts'

export const MAX_SIGNATURES = 10_000_000

const signatures = (name: string) =>
  optionalWholeNumber(`${name} must be a whole number, like 1,250`)
    .refine((value) => value === null || value <= MAX_SIGNATURES, `${name} must be 10,000,000 or fewer`)
    .transform((value) => value ?? 0)

/** A petition as its form gives it. Blank signatures count as none. */
export const petitionSchema = z
  .object({
    title: requiredText('Enter the title of the petition', 300),
    leadPetitioner: optionalText(200),
    leadNamed: checkbox,
    paperSignatures: signatures('Paper signatures'),
    ePetitionSignatures: signatures('E-petition signatures'),
    bodyId: z
      .union([z.literal(''), z.uuid()], { error: 'Choose a committee from the list' })
      .optional()
      .transform((value) => value || null),
    presentedOn: optionalIsoDate('The date presented must be a real date, like 25 1 2024'),
    threshold: optionalText(200),
    response: optionalText(20_000),
    respondedOn: optionalIsoDate('The date of the response must be a real date, like 8 2 2024'),
  })
  .superRefine((value, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message })
    if (value.leadNamed && value.leadPetitioner === '')
      issue('leadPetitioner', 'Enter the lead petitioner’s name, or untick that they agreed to be named')
    if (value.presentedOn && value.respondedOn && value.respondedOn < value.presentedOn)
      issue('respondedOn', 'The date of the response must be the same as or after the date presented')
    if (value.respondedOn && value.response === '')
      issue('response', 'Enter the response, or leave the date of the response blank')
  })
export type PetitionForm = z.infer<typeof petitionSchema>

export const PETITION_FIELDS = [
  'title',
  'leadPetitioner',
  'leadNamed',
  'paperSignatures',
  'ePetitionSignatures',
  'bodyId',
  'presentedOn',
  'threshold',
  'response',
  'respondedOn',
] as const
