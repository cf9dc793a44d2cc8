import { z } from 'zod'
import { passwordProblem } from '#src/platform/auth/password-policy.ts'
import type { Role } from '#src/platform/auth/user.ts'
import { emailAddress, optionalIsoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'

const ROLE_VALUES = ['member', 'officer', 'scrutiny_officer', 'analyst', 'admin'] as const satisfies readonly Role[]

const name = requiredText('Enter their full name', 200)

const email = emailAddress

const role = z.enum(ROLE_VALUES, { error: 'Select a role' })

const personId = z
  .union([z.literal(''), z.uuid('Select a person from the list')])
  .optional()
  .transform((value) => (value ? value : null))

// Passwords are never trimmed: every character the admin typed counts. The policy's checks that
// need the account holder and the council run again in the service, which knows them.
const passwordFields = {
  password: z
    .string({ error: 'Enter a password' })
    .min(1, 'Enter a password')
    .superRefine((password, ctx) => {
      const problem = passwordProblem(password)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  confirmPassword: z.string({ error: 'Enter the password again' }).min(1, 'Enter the password again'),
}
const samePasswordTwice = {
  check: (value: { password: string; confirmPassword: string }) => value.password === value.confirmPassword,
  issue: { message: 'The passwords do not match', path: ['confirmPassword'] },
}

export const newAccountSchema = z
  .object({ name, email, role, personId, ...passwordFields })
  .refine(samePasswordTwice.check, samePasswordTwice.issue)
export type NewAccountForm = z.infer<typeof newAccountSchema>

export const accountDetailsSchema = z.object({ name, personId })
export type AccountDetailsForm = z.infer<typeof accountDetailsSchema>

export const roleSchema = z.object({ role })

export const childLevelDataSchema = z.object({
  childLevelData: z.enum(['yes', 'no'], { error: 'Select whether they may read child-level data' }),
})

export const passwordSchema = z.object(passwordFields).refine(samePasswordTwice.check, samePasswordTwice.issue)

/** The audit trail's filters, from the query string. Blank fields mean "any". */
export const auditFilterSchema = z
  .object({
    actor: optionalText(200),
    action: optionalText(200),
    subjectType: optionalText(100),
    subjectId: optionalText(200),
    from: optionalIsoDate('Date from must be a real date, like 22 1 2024'),
    to: optionalIsoDate('Date to must be a real date, like 22 1 2024'),
  })
  .refine((value) => !value.from || !value.to || value.to >= value.from, {
    message: 'Date to must be the same as or after date from',
    path: ['to'],
  })
export type AuditFilterForm = z.infer<typeof auditFilterSchema>
