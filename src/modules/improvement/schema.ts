import { z } from 'zod'
import {
  isoDate,
  optionalIsoDate,
  optionalText,
  optionalWholeNumber,
  requiredText,
} from '#src/platform/forms/fields.ts'
import { FINDING_KINDS, MILESTONE_STATUSES } from './tables.ts'

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

/** The milestones page's filters, from its query; a value that is not one of the choices is ignored. */
export const milestoneFilterSchema = z.object({
  rag: z.enum(['red', 'amber', 'green', 'complete', 'dropped']).optional().catch(undefined),
  theme: z.uuid().optional().catch(undefined),
  lead: z.string().trim().max(200).optional().catch(undefined),
  stale: z
    .literal('yes')
    .optional()
    .catch(undefined)
    .transform((value) => value === 'yes'),
})

export const sinceSchema = z.object({
  from: isoDate('Enter a real date').optional(),
})

const LINE =
  'Write each judgement on its own line: the area, a colon, then the judgement, like “Overall effectiveness: Good”'

/** Area judgements, one a line: "Area: judgement". The last colon divides them, so an area may contain one. */
const judgementLines = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const lines = (value ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
    const judgements = lines.map((line) => {
      const at = line.lastIndexOf(':')
      return { area: line.slice(0, Math.max(at, 0)).trim(), judgement: line.slice(at + 1).trim() }
    })
    if (judgements.some((j) => !j.area || !j.judgement)) ctx.addIssue({ code: 'custom', message: LINE })
    else if (judgements.some((j) => j.area.length > 200 || j.judgement.length > 200))
      ctx.addIssue({ code: 'custom', message: 'Each area and each judgement must be 200 characters or fewer' })
    return judgements
  })

export const inspectionSchema = z.object({
  title: requiredText('Enter the inspection’s title', 200),
  kind: requiredText('Enter the type of inspection', 100),
  inspectorates: requiredText('Enter who inspected, like Ofsted or the Care Quality Commission', 200),
  startedOn: optionalIsoDate('Enter the date the inspection started as a real date, like 5 12 2022'),
  endedOn: optionalIsoDate('Enter the date the inspection ended as a real date, like 16 12 2022'),
  publishedOn: optionalIsoDate('Enter the date the report was published as a real date, like 1 2 2023'),
  overallJudgement: optionalText(100).transform((value) => value || null),
  judgements: judgementLines,
  summary: optionalText(5_000),
})
export type InspectionForm = z.infer<typeof inspectionSchema>

export const findingSchema = z.object({
  kind: z.enum(FINDING_KINDS, { error: 'Select the kind of finding' }),
  number: requiredText('Enter the finding’s number or reference, as the report gives it', 20),
  text: requiredText('Enter the finding, as the report puts it', 5_000),
})
export type FindingForm = z.infer<typeof findingSchema>

/** The inspections a plan answers: none, one or several ticked boxes. */
const inspectionIds = z
  .union([z.uuid(), z.array(z.uuid())], { error: 'Select inspections from the list' })
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))

export const planSchema = z.object({
  title: requiredText('Enter the plan’s title', 200),
  owner: optionalText(200),
  startsOn: optionalIsoDate('Enter the date the plan starts as a real date, like 1 4 2023'),
  endsOn: optionalIsoDate('Enter the date the plan ends as a real date, like 31 3 2025'),
  inspectionIds,
})
export type PlanForm = z.infer<typeof planSchema>

export const themeSchema = z.object({
  number: requiredText('Enter the theme’s number, like 1 or A', 12),
  title: requiredText('Enter the theme’s title', 300),
  lead: optionalText(200),
  position: optionalWholeNumber('Enter the position as a whole number, like 3'),
})
export type ThemeForm = z.infer<typeof themeSchema>
