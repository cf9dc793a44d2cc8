import { z } from 'zod'
import type { Trx } from '#src/database.ts'
import { type DemoLookup, demoDate, demoLookup, demoSlug, demoText } from '#src/platform/demo/records.ts'
import { FINDING_KINDS, INSPECTION_KINDS, JUDGEMENTS, MILESTONE_STATUSES, type MilestoneStatus } from './tables.ts'

const inspection = z.strictObject({
  slug: demoSlug,
  title: demoText,
  inspectorates: demoText,
  kind: z.enum(INSPECTION_KINDS),
  startedOn: demoDate.nullable(),
  endedOn: demoDate.nullable(),
  publishedOn: demoDate.nullable(),
  overallJudgement: z.enum(JUDGEMENTS).nullable(),
  summary: z.string(),
  judgements: z.array(z.strictObject({ area: demoText, judgement: demoText.max(200) })),
  findings: z.array(z.strictObject({ kind: z.enum(FINDING_KINDS), number: z.int().min(1), text: demoText })),
})

/** A finding of an inspection the demo holds, by the inspection's slug, the finding's kind and its number. */
const findingKey = z.strictObject({ inspection: demoSlug, kind: z.enum(FINDING_KINDS), number: z.int().min(1) })

/**
 * A milestone with its dated updates, in order. An update that changes the status says what to
 * (`statusTo`); the status it moves from is the one before it, starting from not started, and the
 * last change must leave the milestone at its `status`. A complete milestone has the day it was done.
 */
const milestone = z
  .strictObject({
    text: demoText,
    dueOn: demoDate.nullable(),
    dueNote: z.string().default(''),
    status: z.enum(MILESTONE_STATUSES),
    completedOn: demoDate.nullable().default(null),
    updates: z.array(z.strictObject({ on: demoDate, text: demoText, statusTo: z.enum(MILESTONE_STATUSES).optional() })),
  })
  .refine((m) => m.dueOn !== null || m.dueNote !== '', 'A milestone without a due date needs a due note')
  .refine(
    (m) => (m.status === 'complete') === (m.completedOn !== null),
    'A complete milestone, and only a complete one, has completedOn',
  )
  .refine((m) => withStatusFrom(m.updates).every((u) => u.statusFrom !== u.statusTo || u.statusTo === null), {
    message: 'A status change must change the status',
  })
  .refine((m) => lastStatus(m.updates) === m.status, 'The updates must leave the milestone at its status')

const action = z.strictObject({
  reference: demoText,
  title: demoText,
  leads: z.array(z.strictObject({ name: demoText, jobTitle: z.string(), person: demoSlug.optional() })).min(1),
  /** The findings the action answers. */
  findings: z.array(findingKey),
  milestones: z.array(milestone),
})

const plan = z.strictObject({
  slug: demoSlug,
  title: demoText,
  owner: demoText,
  ownerPerson: demoSlug.nullable(),
  startsOn: demoDate.nullable(),
  endsOn: demoDate.nullable(),
  version: demoText,
  versions: z.array(z.strictObject({ version: demoText, onDate: demoDate, byWhom: demoText, changes: z.string() })),
  /** The author every update of the plan is recorded under. */
  updatesBy: demoText,
  /** The inspections the plan answers, and the meetings (by slug) that considered it. */
  inspections: z.array(demoSlug),
  consideredAt: z.array(demoSlug),
  themes: z.array(z.strictObject({ number: demoText, title: demoText, lead: demoText, actions: z.array(action) })),
})

/** The demo's inspections and the improvement plans that answer them (ADR 9). */
export const demoImprovementSchema = z.strictObject({ inspections: z.array(inspection), plans: z.array(plan) })

export type DemoImprovement = z.output<typeof demoImprovementSchema>
type DemoAction = z.output<typeof action>
type Milestone = z.output<typeof milestone>

/** Each update with the status it moves from, when it changes the status: the one before it, at first not started. */
function withStatusFrom<T extends { statusTo?: MilestoneStatus }>(updates: T[]) {
  let current: MilestoneStatus = 'not started'
  return updates.map(({ statusTo, ...update }) => {
    if (statusTo === undefined) return { ...update, statusFrom: null, statusTo: null }
    const change = { ...update, statusFrom: current, statusTo }
    current = statusTo
    return change
  })
}

function lastStatus(updates: { statusTo?: MilestoneStatus }[]): MilestoneStatus {
  return updates.reduce<MilestoneStatus>((status, update) => update.statusTo ?? status, 'not started')
}

/** Inserts the inspections with their judgements and findings, then the plans that link to them. */
export async function loadDemoImprovement(
  trx: Trx,
  records: DemoImprovement,
  refs: { meetingId: DemoLookup; personId: DemoLookup },
): Promise<void> {
  const inspections = records.inspections.length
    ? await trx
        .insertInto('inspections')
        .values(
          records.inspections.map(({ judgements: _judgements, findings: _findings, ...inspection }) => inspection),
        )
        .returning(['id', 'slug'])
        .execute()
    : []
  const inspectionId = demoLookup(
    'the inspection',
    inspections.map((row) => [row.slug, row.id] as const),
  )
  const judgements = records.inspections.flatMap(({ slug, judgements: graded }) =>
    graded.map((judgement, position) => ({ ...judgement, inspectionId: inspectionId(slug), position })),
  )
  if (judgements.length > 0) await trx.insertInto('inspectionJudgements').values(judgements).execute()
  const findings = records.inspections.flatMap(({ slug, findings: found }) =>
    found.map((finding) => ({ ...finding, number: String(finding.number), inspectionId: inspectionId(slug) })),
  )
  const slugOf = new Map(inspections.map((row) => [row.id, row.slug]))
  const findingRows = findings.length
    ? await trx
        .insertInto('inspectionFindings')
        .values(findings)
        .returning(['id', 'inspectionId', 'kind', 'number'])
        .execute()
    : []
  const findingId = demoLookup(
    'the finding',
    findingRows.map((row) => [`${slugOf.get(row.inspectionId)} ${row.kind} ${row.number}`, row.id] as const),
  )
  for (const plan of records.plans) await insertPlan(trx, plan, { ...refs, inspectionId, findingId })
}

interface Links {
  meetingId: DemoLookup
  personId: DemoLookup
  inspectionId: DemoLookup
  findingId: DemoLookup
}

/** Ids of rows inserted with `parentId` and `position`, in the order of `keys`. */
function idsInOrder(rows: { id: string; parent: string; position: number }[], keys: [string, number][]) {
  const ids = new Map(rows.map((row) => [`${row.parent} ${row.position}`, row.id]))
  return keys.map(([parent, position]) => ids.get(`${parent} ${position}`)!)
}

async function insertPlan(trx: Trx, demo: DemoImprovement['plans'][number], links: Links) {
  const { versions, inspections, consideredAt, themes, ownerPerson, updatesBy, ...fields } = demo
  const { id: planId } = await trx
    .insertInto('improvementPlans')
    .values({ ...fields, ownerPersonId: ownerPerson === null ? null : links.personId(ownerPerson) })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (versions.length > 0) {
    await trx
      .insertInto('planVersions')
      .values(versions.map((version) => ({ ...version, planId })))
      .execute()
  }
  if (inspections.length > 0) {
    await trx
      .insertInto('planInspections')
      .values(inspections.map((slug) => ({ planId, inspectionId: links.inspectionId(slug) })))
      .execute()
  }
  if (consideredAt.length > 0) {
    await trx
      .insertInto('planConsiderations')
      .values(consideredAt.map((meeting) => ({ planId, meetingId: links.meetingId(meeting) })))
      .execute()
  }
  if (themes.length === 0) return
  const themeRows = await trx
    .insertInto('planThemes')
    .values(themes.map(({ actions: _actions, ...theme }, position) => ({ ...theme, planId, position })))
    .returning(['id', 'position'])
    .execute()
  const themeIds = themes.map((_, position) => themeRows.find((row) => row.position === position)!.id)
  const actions = themes.flatMap((theme, at) =>
    theme.actions.map((action, position) => ({ themeId: themeIds[at], position, action })),
  )
  await insertActions(trx, actions, updatesBy, links)
}

async function insertActions(
  trx: Trx,
  actions: { themeId: string; position: number; action: DemoAction }[],
  author: string,
  links: Links,
) {
  if (actions.length === 0) return
  const rows = await trx
    .insertInto('planActions')
    .values(
      actions.map(({ themeId, position, action }) => ({
        themeId,
        position,
        reference: action.reference,
        title: action.title,
      })),
    )
    .returning(['id', 'themeId as parent', 'position'])
    .execute()
  const actionIds = idsInOrder(
    rows,
    actions.map(({ themeId, position }) => [themeId, position]),
  )
  const leads = actions.flatMap(({ action }, at) =>
    action.leads.map(({ person, ...lead }, position) => ({
      ...lead,
      actionId: actionIds[at],
      position,
      personId: person === undefined ? null : links.personId(person),
    })),
  )
  if (leads.length > 0) await trx.insertInto('planActionLeads').values(leads).execute()
  const answers = actions.flatMap(({ action }, at) =>
    action.findings.map((finding) => ({
      actionId: actionIds[at],
      findingId: links.findingId(`${finding.inspection} ${finding.kind} ${finding.number}`),
    })),
  )
  if (answers.length > 0) await trx.insertInto('planActionFindings').values(answers).execute()
  const milestones = actions.flatMap(({ action }, at) =>
    action.milestones.map((milestone, position) => ({ actionId: actionIds[at], position, milestone })),
  )
  await insertMilestones(trx, milestones, author)
}

async function insertMilestones(
  trx: Trx,
  milestones: { actionId: string; position: number; milestone: Milestone }[],
  author: string,
) {
  if (milestones.length === 0) return
  const rows = await trx
    .insertInto('planMilestones')
    .values(
      milestones.map(({ actionId, position, milestone: { updates: _updates, ...fields } }) => ({
        ...fields,
        actionId,
        position,
      })),
    )
    .returning(['id', 'actionId as parent', 'position'])
    .execute()
  const milestoneIds = idsInOrder(
    rows,
    milestones.map(({ actionId, position }) => [actionId, position]),
  )
  const updates = milestones.flatMap(({ milestone }, at) =>
    withStatusFrom(milestone.updates).map(({ on, text, statusFrom, statusTo }) => ({
      actionId: null,
      milestoneId: milestoneIds[at],
      onDate: on,
      author,
      text,
      statusFrom,
      statusTo,
    })),
  )
  if (updates.length > 0) await trx.insertInto('planUpdates').values(updates).execute()
}
