import type { ColumnType } from 'kysely'
import type { Json } from '#src/platform/db/column-types.ts'
import type { ReportTemplate } from '#src/modules/meetings/index.ts'
import type { Version } from '#src/platform/db/version.ts'

/** Whether a period counts working days (no weekends or bank holidays) or every day. */
export type DayKind = 'working' | 'calendar'

/** The council's settings: one row, 'council', written when an admin first saves. */
export interface CouncilSettingsTable {
  id: ColumnType<'council', 'council' | undefined, never>
  councilName: string | null
  callInDays: number
  callInKind: DayKind
  noticeDays: number
  /** The report template's sections in order; jsonb. */
  reportSections: Json<ReportTemplate>
  decisionReferenceHint: string | null
  forwardPlanReferenceHint: string | null
  minutesReferenceHint: string | null
  /** The month (1 to 12) the council's municipal year starts: 5, May, unless it says otherwise. */
  municipalYearStartMonth: ColumnType<number, number | undefined, number>
  /** Working days before a meeting that the people responsible are asked for their updates: 10 unless set. */
  updateRequestDays: ColumnType<number, number | undefined, number>
  /** Months an extract of the statutory returns is kept before it is deleted: 13 unless set. */
  returnRetentionMonths: ColumnType<number, number | undefined, number>
  /** Counts from 1 to this many are published as `c`: 5 unless set. */
  disclosureThreshold: ColumnType<number, number | undefined, number>
  version: Version
}

export interface SettingsTables {
  councilSettings: CouncilSettingsTable
}
