import { z } from 'zod'
import { optionalIsoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'

export const BODY_KINDS = ['committee', 'board', 'panel', 'group', 'executive'] as const
export const PERSON_KINDS = ['councillor', 'co-opted member', 'officer', 'partner'] as const
export const MEMBERSHIP_ROLES = ['chair', 'vice-chair', 'member', 'co-opted member'] as const

export const bodySchema = z.object({
  name: requiredText('Enter the name of the body', 200),
  kind: z.enum(BODY_KINDS, { error: 'Select what kind of body this is' }),
  remit: optionalText(5_000),
})
export type BodyForm = z.infer<typeof bodySchema>

const blankToNull = (value: string) => (value === '' ? null : value)

export const personSchema = z.object({
  name: requiredText('Enter the person’s full name', 200),
  honorific: optionalText(40).transform(blankToNull),
  kind: z.enum(PERSON_KINDS, { error: 'Select whether they are a councillor, co-opted member, officer or partner' }),
  organisation: optionalText(200).transform(blankToNull),
  jobTitle: optionalText(200).transform(blankToNull),
  email: z
    .union([
      z.literal(''),
      z.string().trim().email('Enter an email address in the correct format, like name@example.org'),
    ])
    .optional()
    .transform((value) => (value ? value : null)),
})
export type PersonForm = z.infer<typeof personSchema>

export const membershipSchema = z.object({
  personId: z.string().uuid('Select a person'),
  role: z.enum(MEMBERSHIP_ROLES, { error: 'Select their role on the body' }),
  startsOn: optionalIsoDate('Start date must be a real date'),
  endsOn: optionalIsoDate('End date must be a real date'),
})
export type MembershipForm = z.infer<typeof membershipSchema>
