import { z } from 'zod'
import { checkbox, optionalText, optionalWholeNumber } from '#src/platform/forms/fields.ts'
import type { SpeakerKind, SpeakerStance } from '../tables.ts'

export const SPEAKER_KINDS = ['deputation', 'public speaker'] as const satisfies SpeakerKind[]
export const SPEAKER_STANCES = ['for', 'against', 'neither'] as const satisfies SpeakerStance[]

/** The longest a record of speaking may say: two hours, beyond any council's time limit. */
export const MOST_MINUTES_SPOKEN = 120

export const KIND_MISSING = 'Select whether it was a deputation or a member of the public speaking'
export const NAMED_WITHOUT_NAME = 'Enter the speaker’s name, or untick that they agreed to be named'
export const MINUTES_NOT_A_NUMBER = 'Enter how long they spoke in whole minutes, for example 5'
export const TOO_MANY_MINUTES = `How long they spoke must be ${MOST_MINUTES_SPOKEN} minutes or fewer`

/** The form that adds or changes a deputation or public speaker. Blank fields arrive as ''. */
export const speakerSchema = z
  .object({
    kind: z.enum(SPEAKER_KINDS, { error: KIND_MISSING }),
    speakerName: optionalText(200),
    speakerNamed: checkbox,
    onBehalfOf: optionalText(200),
    agendaItemId: optionalText(100).transform((id) => id || null),
    stance: z
      .union([z.literal(''), z.enum(SPEAKER_STANCES)], {
        error: 'Select whether they spoke for or against, or neither',
      })
      .optional()
      .transform((value) => value || null),
    minutesSpoken: optionalWholeNumber(MINUTES_NOT_A_NUMBER).refine(
      (minutes) => minutes === null || minutes <= MOST_MINUTES_SPOKEN,
      TOO_MANY_MINUTES,
    ),
    summary: optionalText(5_000),
  })
  .superRefine((form, ctx) => {
    if (form.speakerNamed && form.speakerName === '')
      ctx.addIssue({ code: 'custom', path: ['speakerName'], message: NAMED_WITHOUT_NAME })
  })

export type SpeakerInput = z.output<typeof speakerSchema>
