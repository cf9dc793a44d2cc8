import { TZDate } from '@date-fns/tz'
import type { Db } from '#src/database.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { LONDON } from '#src/platform/clock.ts'

export interface AuditFilter {
  actor?: string
  action?: string
  subjectType?: string
  subjectId?: string
  from?: string
  to?: string
}

export const AUDIT_PAGE_SIZE = 50

/** The most events one download of the audit trail holds, newest first: narrow the filters for older ones. */
export const AUDIT_EXPORT_LIMIT = 10_000

/** The instant a 'YYYY-MM-DD' day (plus `days`) starts in Europe/London: admins filter by UK dates. */
function londonMidnight(date: string, days = 0): Date {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(TZDate.tz(LONDON, year, month - 1, day + days).getTime())
}

/** Reading the audit trail: a record's history for signed-in users, the whole trail for admins. */
export function createAuditReader(db: Db) {
  /** The events the filter asks for. */
  const filtered = (filter: AuditFilter) => {
    let query = db.selectFrom('auditEvents')
    if (filter.actor) query = query.where('actorLabel', 'ilike', `%${filter.actor}%`)
    if (filter.action) query = query.where('action', 'ilike', `%${filter.action}%`)
    if (filter.subjectType) query = query.where('subjectType', '=', filter.subjectType)
    if (filter.subjectId) query = query.where('subjectId', '=', filter.subjectId)
    // An event's day is the one it shows: the app's date when its clock was pinned (the demo's), else
    // the UK day of the instant it happened.
    const from = filter.from
    if (from)
      query = query.where((eb) =>
        eb.or([eb('appDate', '>=', from), eb.and([eb('appDate', 'is', null), eb('at', '>=', londonMidnight(from))])]),
      )
    // The day after 31 December 9999 has no ISO date to send; every event comes before it anyway.
    const to = filter.to
    if (to && to < '9999-12-31')
      query = query.where((eb) =>
        eb.or([eb('appDate', '<=', to), eb.and([eb('appDate', 'is', null), eb('at', '<', londonMidnight(to, 1))])]),
      )
    return query
  }

  return {
    /** The amendments to one record, newest first; empty for the public. */
    async historyOf(ctx: Context, subjectType: string, subjectId: string) {
      if (!can(ctx.user, 'history:read')) return []
      return db
        .selectFrom('auditEvents')
        .select(['id', 'at', 'appDate', 'actorLabel', 'action'])
        .where('subjectType', '=', subjectType)
        .where('subjectId', '=', subjectId)
        .where('action', 'not like', 'viewed%')
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(100)
        .execute()
    },

    /** Filtered, paged audit events for admins, newest first. */
    async search(ctx: Context, filter: AuditFilter, page: number) {
      assertCan(ctx.user, 'audit:read')
      const query = filtered(filter)
      const [{ total }, events] = await Promise.all([
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        query
          .selectAll()
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(AUDIT_PAGE_SIZE)
          .offset((page - 1) * AUDIT_PAGE_SIZE)
          .execute(),
      ])
      return { total, events }
    },

    /** The filtered events for a download, newest first, at most AUDIT_EXPORT_LIMIT of them. */
    async export(ctx: Context, filter: AuditFilter) {
      assertCan(ctx.user, 'audit:read')
      return filtered(filter)
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(AUDIT_EXPORT_LIMIT)
        .execute()
    },

    async subjectTypes(ctx: Context) {
      assertCan(ctx.user, 'audit:read')
      const rows = await db.selectFrom('auditEvents').select('subjectType').distinct().orderBy('subjectType').execute()
      return rows.map((row) => row.subjectType)
    },
  }
}

export type AuditReader = ReturnType<typeof createAuditReader>
