import type { Db, Trx } from '#src/database.ts'
import type { Context } from '#src/platform/auth/user.ts'

export interface AuditEntry {
  action: string
  subjectType: string
  subjectId: string
  before?: unknown
  after?: unknown
}

/**
 * Writes one audit event inside the caller's transaction, so the change and its record
 * of who made it commit or roll back together.
 */
export async function recordAudit(trx: Trx | Db, ctx: Context, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('auditEvents')
    .values({
      actorId: ctx.user?.id ?? null,
      actorLabel: ctx.user ? `${ctx.user.name} <${ctx.user.email}>` : 'system',
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      correlationId: ctx.requestId,
      // Only when pinned: the column is newer than the events a backup from an older schema carries.
      ...(ctx.appToday ? { appDate: ctx.appToday } : {}),
    })
    .execute()
}
