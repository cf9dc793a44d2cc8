import { z } from 'zod'
import { optionalIsoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'

export const BODY_KINDS = [
  'council',
  'executive',
  'committee',
  'sub-committee',
  'panel',
  'task and finish group',
  'joint committee',
  'board',
] as const
export const PERSON_KINDS = ['councillor', 'co-opted member', 'officer', 'partner'] as const
export const MEMBERSHIP_ROLES = ['chair', 'vice-chair', 'member', 'co-opted member', 'observer'] as const
export const CO_OPTION_CATEGORIES = ['parent governor', 'diocesan', 'other'] as const
export const VOTING_RIGHTS = ['none', 'all matters', 'education matters only'] as const

/** The shortest and longest meeting a body may give as its usual length, in minutes. */
export const MEETING_MINUTES = { min: 15, max: 720 } as const

const blankToNull = (value: string) => (value === '' ? null : value)

/** A choice from `values` that may be left unanswered (null). */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.literal(''), z.enum(values, { error: message })], { error: message })
    .optional()
    .transform((value) => (value ? value : null))

const meetingMinutes = z
  .string()
  .trim()
  .optional()
  .transform((value) => value ?? '')
  .refine(
    (value) =>
      value === '' ||
      (/^\d+$/.test(value) && Number(value) >= MEETING_MINUTES.min && Number(value) <= MEETING_MINUTES.max),
    `Usual length of meetings must be a whole number of minutes from ${MEETING_MINUTES.min} to ${MEETING_MINUTES.max}`,
  )
  .transform((value) => (value === '' ? null : Number(value)))

export const bodySchema = z.object({
  name: requiredText('Enter the name of the body', 200),
  kind: z.enum(BODY_KINDS, { error: 'Select what type of body this is' }),
  parentId: z
    .union([z.literal(''), z.uuid('Select the body it reports to')])
    .optional()
    .transform((value) => (value ? value : null)),
  remit: optionalText(5_000),
  establishedOn: optionalIsoDate('Date established must be a real date'),
  dissolvedOn: optionalIsoDate('Date dissolved must be a real date'),
  defaultMeetingMinutes: meetingMinutes,
})
export type BodyForm = z.infer<typeof bodySchema>

/**
 * A person. Party, ward and term of office are kept for councillors, the co-option category for
 * co-opted members: the form sends every field, and those of another kind are dropped.
 */
export const personSchema = z
  .object({
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
    phone: optionalText(50).transform(blankToNull),
    party: optionalText(200).transform(blankToNull),
    ward: optionalText(200).transform(blankToNull),
    termStartsOn: optionalIsoDate('Start of term must be a real date'),
    termEndsOn: optionalIsoDate('End of term must be a real date'),
    coOptionCategory: optionalChoice(CO_OPTION_CATEGORIES, 'Select what they are co-opted as'),
  })
  .transform((person) => {
    const councillor = person.kind === 'councillor'
    return {
      ...person,
      party: councillor ? person.party : null,
      ward: councillor ? person.ward : null,
      termStartsOn: councillor ? person.termStartsOn : null,
      termEndsOn: councillor ? person.termEndsOn : null,
      coOptionCategory: person.kind === 'co-opted member' ? person.coOptionCategory : null,
    }
  })
export type PersonForm = z.infer<typeof personSchema>

export const membershipSchema = z.object({
  personId: z.string().uuid('Select a person'),
  role: z.enum(MEMBERSHIP_ROLES, { error: 'Select their role on the body' }),
  votingRights: optionalChoice(VOTING_RIGHTS, 'Select the matters they may vote on'),
  startsOn: optionalIsoDate('Start date must be a real date'),
  endsOn: optionalIsoDate('End date must be a real date'),
})
export type MembershipForm = z.infer<typeof membershipSchema>
