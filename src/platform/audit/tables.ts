import type { Generated } from 'kysely'
import type { CreatedAt, IsoDate, Json } from '#src/platform/db/column-types.ts'

export interface AuditEventsTable {
  id: Generated<number>
  at: CreatedAt
  actorId: string | null
  actorLabel: string
  action: string
  subjectType: string
  subjectId: string
  before: Json<unknown> | null
  after: Json<unknown> | null
  correlationId: string | null
  /** The app's date when its clock was pinned (a demo, a test); null when it runs on the real date. */
  appDate: IsoDate | null
}

export interface AuditTables {
  auditEvents: AuditEventsTable
}
