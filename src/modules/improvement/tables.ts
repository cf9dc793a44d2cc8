import type { Generated } from 'kysely'
import type { CreatedAt, IsoDate, Uuid } from '#src/platform/db/column-types.ts'
import type { Version } from '#src/platform/db/version.ts'

/** Ofsted's four-point scale: suggested on the form; an area's judgement may be any inspectorate's words. */
export const JUDGEMENTS = ['outstanding', 'good', 'requires improvement', 'inadequate'] as const
/** The kinds of inspection the demo data names; a council's own inspections may be of any type. */
export const INSPECTION_KINDS = [
  'single inspection framework',
  'ILACS',
  'SEND area inspection',
  'LSCB review',
  'focused visit',
  'other',
] as const
export type InspectionKind = (typeof INSPECTION_KINDS)[number]
/**
 * Ofsted's kinds of finding, then other inspectorates' (a joint or SEND area inspection's
 * recommendations and areas for priority action), and "other" for anything else.
 */
export const FINDING_KINDS = [
  'priority action',
  'area for improvement',
  'significant weakness',
  'strength',
  'recommendation',
  'area for priority action',
  'other',
] as const
export type FindingKind = (typeof FINDING_KINDS)[number]
export const MILESTONE_STATUSES = ['not started', 'in progress', 'complete', 'delayed', 'dropped'] as const
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number]

export interface InspectionsTable {
  id: Uuid
  slug: string
  title: string
  /** "Ofsted", "Ofsted and the Care Quality Commission". */
  inspectorates: string
  /** The type of inspection in the inspectorate's words: "ILACS", "SEND area inspection". */
  kind: string
  startedOn: IsoDate | null
  endedOn: IsoDate | null
  publishedOn: IsoDate | null
  /** The outcome as the report puts it: "Requires improvement", "Widespread and/or systemic failings". */
  overallJudgement: string | null
  summary: string
  createdAt: CreatedAt
  version: Version
}

export interface InspectionJudgementsTable {
  id: Uuid
  inspectionId: string
  area: string
  /** As the report gives it: "Good", "Requires improvement to be good", or another inspectorate's words. */
  judgement: string
  position: number
}

export interface InspectionFindingsTable {
  id: Uuid
  inspectionId: string
  kind: FindingKind
  /** The report's own number or reference: "3", "2a". */
  number: string
  text: string
  version: Version
}

export interface ImprovementPlansTable {
  id: Uuid
  slug: string
  title: string
  owner: string
  /** The owner's person record: they (and admins) change the plan's structure. */
  ownerPersonId: string | null
  startsOn: IsoDate | null
  endsOn: IsoDate | null
  /** The version now in force: "3.2". */
  version: string
  /** The version of the record, for its edit form (see platform/db/version.ts). */
  editVersion: Generated<number>
  createdAt: CreatedAt
}

/** The inspections a plan answers: their findings are what the coverage view checks. */
export interface PlanInspectionsTable {
  planId: string
  inspectionId: string
}

/** The record of amendments: date, version, by whom, what changed. */
export interface PlanVersionsTable {
  id: Uuid
  planId: string
  version: string
  onDate: IsoDate
  byWhom: string
  changes: string
}

/** The meetings that considered the plan: "stale" is measured from the latest before today. */
export interface PlanConsiderationsTable {
  planId: string
  meetingId: string
}

export interface PlanThemesTable {
  id: Uuid
  planId: string
  number: string
  title: string
  /** The head-of-service lead. */
  lead: string
  position: number
  version: Version
}

export interface PlanActionsTable {
  id: Uuid
  themeId: string
  /** As the plan numbers it: "4.5". */
  reference: string
  title: string
  position: number
}

/** One of an action's leads; linked to a person record when there is one, for "my actions". */
export interface PlanActionLeadsTable {
  actionId: string
  position: number
  name: string
  jobTitle: string
  personId: string | null
}

export interface PlanActionFindingsTable {
  actionId: string
  findingId: string
}

export interface PlanMilestonesTable {
  id: Uuid
  actionId: string
  text: string
  dueOn: IsoDate | null
  /** How the plan puts a loose date: "Ongoing", "Quarterly". */
  dueNote: string
  status: MilestoneStatus
  completedOn: IsoDate | null
  position: number
  /** Counts changes to what its edit form shows (wording and due date), not status updates. */
  version: Version
}

/** A dated update on an action or a milestone; a status change carries from and to. */
export interface PlanUpdatesTable {
  id: Uuid
  actionId: string | null
  milestoneId: string | null
  onDate: IsoDate
  author: string
  text: string
  statusFrom: MilestoneStatus | null
  statusTo: MilestoneStatus | null
  createdAt: CreatedAt
}

export interface ImprovementTables {
  inspections: InspectionsTable
  inspectionJudgements: InspectionJudgementsTable
  inspectionFindings: InspectionFindingsTable
  improvementPlans: ImprovementPlansTable
  planInspections: PlanInspectionsTable
  planVersions: PlanVersionsTable
  planConsiderations: PlanConsiderationsTable
  planThemes: PlanThemesTable
  planActions: PlanActionsTable
  planActionLeads: PlanActionLeadsTable
  planActionFindings: PlanActionFindingsTable
  planMilestones: PlanMilestonesTable
  planUpdates: PlanUpdatesTable
}
