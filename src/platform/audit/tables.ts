import type { Generated } from 'kysely'
import type { CreatedAt, Json } from '#src/platform/db/column-types.ts'

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
}

export interface AuditTables {
  auditEvents: AuditEventsTable
}
