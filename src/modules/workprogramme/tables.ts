import type { ColumnType } from 'kysely'
import type { CreatedAt, IsoDate, Uuid } from '#src/platform/db/column-types.ts'
import type { Version } from '#src/platform/db/version.ts'

export type WorkProgrammeKind = 'committee item' | 'scrutiny review' | 'briefing or training' | 'informal meeting'
export type WorkProgrammeOrigin = 'member request' | 'recommendation' | 'forward plan item' | 'inspection finding'
export type WorkProgrammeStatus = 'planned' | 'scheduled' | 'done' | 'dropped'

/**
 * One topic on a body's work programme. It is scheduled to a meeting (meetingId), to a month
 * (scheduledMonth, with the day in scheduledOn when known), or to be confirmed (neither).
 */
export interface WorkProgrammeItemsTable {
  id: Uuid
  bodyId: string
  title: string
  description: string
  meetingId: string | null
  scheduledMonth: string | null
  scheduledOn: IsoDate | null
  /** How the papers put the timing when it is loose: "June or July, to be confirmed". */
  timingNote: string
  kind: WorkProgrammeKind
  origin: WorkProgrammeOrigin
  originNote: string
  /** A page on this site the item came from (a forward plan item, a recommendation). */
  originUrl: string | null
  forwardPlanItemId: string | null
  status: WorkProgrammeStatus
  leadOfficer: string
  /** The agenda item made from this one. */
  agendaItemId: string | null
  position: number
  createdAt: CreatedAt
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>
  version: Version
}

export interface WorkProgrammeTables {
  workProgrammeItems: WorkProgrammeItemsTable
}
