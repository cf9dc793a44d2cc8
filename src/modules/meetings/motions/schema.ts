import { z } from 'zod'
import { optionalText, requiredText } from '#src/platform/forms/fields.ts'
import type { AmendmentOutcome, MotionOutcome } from '../tables.ts'

export const MOTION_OUTCOMES = ['carried', 'lost', 'withdrawn', 'deferred'] as const satisfies MotionOutcome[]
export const AMENDMENT_OUTCOMES = ['carried', 'lost', 'withdrawn', 'accepted'] as const satisfies AmendmentOutcome[]

export const SAME_MOVER_AND_SECONDER = 'The seconder must be someone other than the mover'

/** A select left at its first choice arrives as '': no one, or no item. */
const optionalId = optionalText(100).transform((id) => id || null)

/** A radio left at "Not yet decided" arrives as '': undecided, stored as null. */
function outcome<T extends readonly [string, ...string[]]>(outcomes: T) {
  return z
    .union([z.literal(''), z.enum(outcomes)], { error: 'Choose the outcome' })
    .optional()
    .transform((value) => value || null)
}

/** Whoever seconds a motion or an amendment is someone other than whoever moved it. */
function differentSeconder(form: { moverId: string | null; seconderId: string | null }, ctx: z.RefinementCtx) {
  if (form.moverId !== null && form.moverId === form.seconderId)
    ctx.addIssue({ code: 'custom', path: ['seconderId'], message: SAME_MOVER_AND_SECONDER })
}

/** The form that adds or changes a motion. */
export const motionSchema = z
  .object({
    agendaItemId: optionalId,
    moverId: optionalId,
    seconderId: optionalId,
    text: requiredText('Enter the motion', 20_000),
    substantiveText: optionalText(20_000),
    outcome: outcome(MOTION_OUTCOMES),
  })
  .superRefine(differentSeconder)

/** The form that adds or changes an amendment to a motion. */
export const amendmentSchema = z
  .object({
    moverId: optionalId,
    seconderId: optionalId,
    text: requiredText('Enter the amendment', 20_000),
    outcome: outcome(AMENDMENT_OUTCOMES),
  })
  .superRefine(differentSeconder)

export type MotionInput = z.output<typeof motionSchema>
export type AmendmentInput = z.output<typeof amendmentSchema>
