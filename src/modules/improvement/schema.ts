import { z } from 'zod'
import { isoDate, optionalText, requiredText } from '#src/platform/forms/fields.ts'
import { MILESTONE_STATUSES } from './tables.ts'

export const updateSchema = z.object({
  onDate: isoDate('Enter the date of the update as a real date, like 22 1 2024'),
  text: requiredText('Enter the update: what has happened, and why if the status changes', 2_000),
  status: z
    .union([z.literal(''), z.enum(MILESTONE_STATUSES)], { error: 'Select a status from the list' })
    .optional()
    .transform((value) => (value ? value : null)),
})
export type UpdateForm = z.infer<typeof updateSchema>

export const milestoneSchema = z.object({
  text: requiredText('Enter the milestone', 1_000),
  dueOn: z
    .union([z.literal(''), isoDate('Enter the due date as a real date, like 31 3 2024')])
    .optional()
    .transform((value) => (value ? value : null)),
  dueNote: optionalText(100),
})
export type MilestoneForm = z.infer<typeof milestoneSchema>

/** Leads, one a line: "Name – job title" (the job title is optional). */
const leadLines = z
  .string({ error: 'Enter at least one lead' })
  .transform((value) =>
    value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [name, ...title] = line.split(/\s+[–-]\s+/)
        return { name: name.trim(), jobTitle: title.join(' – ').trim() }
      }),
  )
  .refine((leads) => leads.length > 0, 'Enter at least one lead')

export const actionSchema = z.object({
  themeId: z.uuid({ error: 'Select the theme the action belongs to' }),
  reference: z
    .string({ error: 'Enter the action’s reference' })
    .trim()
    .min(1, 'Enter the action’s reference')
    .regex(/^[0-9A-Za-z.]{1,12}$/, 'The reference must be letters, numbers and dots, like 4.7'),
  title: requiredText('Enter what the action will do', 1_000),
  leads: leadLines,
  findingIds: z
    .union([z.uuid(), z.array(z.uuid())], { error: 'Select findings from the list' })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
})
export type ActionForm = z.infer<typeof actionSchema>

export const versionSchema = z.object({
  version: z
    .string({ error: 'Enter the new version’s number' })
    .trim()
    .min(1, 'Enter the new version’s number')
    .regex(/^\d{1,3}(\.\d{1,3}){0,2}$/, 'The version must be a number like 3.3'),
  changes: requiredText('Say what changed in this version', 2_000),
})
export type VersionForm = z.infer<typeof versionSchema>

export const sinceSchema = z.object({
  from: isoDate('Enter a real date').optional(),
})
