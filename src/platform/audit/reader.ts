import { sql } from 'kysely'
import type { Db } from '#src/database.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'

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

/** The most events the trail counts and pages through, as many as a download holds. */
export const AUDIT_COUNT_LIMIT = AUDIT_EXPORT_LIMIT

/**
 * The day an event shows, as audit_events_day_idx has it: the app's date when its clock was pinned
 * (the demo's), else the UK day of the instant it happened.
 */
const eventDay = sql<string>`coalesce(app_date, (at at time zone 'Europe/London')::date)`

/** The columns whose distinct values the filters' words are matched against, each with its own index. */
type DistinctColumn = 'actor_label' | 'action' | 'subject_type'

/** Reading the audit trail: a record's history for signed-in users, the whole trail for admins. */
export function createAuditReader(db: Db) {
  /**
   * The distinct values of a column, read from its index one value at a time rather than from every
   * event: a few dozen people and actions among hundreds of thousands of events.
   */
  async function distinctValues(column: DistinctColumn): Promise<string[]> {
    const ref = sql.ref(column)
    const { rows } = await sql<{ value: string }>`
      with recursive found(value) as (
        (select ${ref} from audit_events order by ${ref} limit 1)
        union all
        select (select ${ref} from audit_events where ${ref} > found.value order by ${ref} limit 1)
        from found where found.value is not null
      )
      select value from found where value is not null`.execute(db)
    return rows.map((row) => row.value)
  }

  /** The values of a column containing the words, in any case, as the filter's "part of" promises. */
  async function containing(column: DistinctColumn, words: string): Promise<string[]> {
    const lower = words.toLowerCase()
    return (await distinctValues(column)).filter((value) => value.toLowerCase().includes(lower))
  }

  /** The events the filter asks for; null when a filter's words match nobody and nothing. */
  async function filtered(filter: AuditFilter) {
    let query = db.selectFrom('auditEvents')
    for (const [key, column] of [
      ['actor', 'actor_label'],
      ['action', 'action'],
    ] as const) {
      const words = filter[key]
      if (!words) continue
      const values = await containing(column, words)
      if (!values.length) return null
      query = query.where(key === 'actor' ? 'actorLabel' : 'action', 'in', values)
    }
    if (filter.subjectType) query = query.where('subjectType', '=', filter.subjectType)
    if (filter.subjectId) query = query.where('subjectId', '=', filter.subjectId)
    const { from, to } = filter
    if (from) query = query.where(eventDay, '>=', from)
    if (to) query = query.where(eventDay, '<=', to)
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

    /**
     * Filtered, paged audit events for admins, newest first. The count stops past AUDIT_COUNT_LIMIT
     * (`more` says so), and so do the pages: older events are found by narrowing the filters.
     */
    async search(ctx: Context, filter: AuditFilter, page: number) {
      assertCan(ctx.user, 'audit:read')
      const query = await filtered(filter)
      const offset = (page - 1) * AUDIT_PAGE_SIZE
      if (!query) return { total: 0, more: false, events: [] }
      const [{ total }, events] = await Promise.all([
        db
          .selectFrom(
            query
              .select(sql.lit(1).as('one'))
              .limit(AUDIT_COUNT_LIMIT + 1)
              .as('matched'),
          )
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
        offset >= AUDIT_COUNT_LIMIT
          ? []
          : query
              .selectAll()
              .orderBy('at', 'desc')
              .orderBy('id', 'desc')
              .limit(AUDIT_PAGE_SIZE)
              .offset(offset)
              .execute(),
      ])
      const more = Number(total) > AUDIT_COUNT_LIMIT
      return { total: more ? AUDIT_COUNT_LIMIT : Number(total), more, events }
    },

    /** The filtered events for a download, newest first, at most AUDIT_EXPORT_LIMIT of them. */
    async export(ctx: Context, filter: AuditFilter) {
      assertCan(ctx.user, 'audit:read')
      const query = await filtered(filter)
      if (!query) return []
      return query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(AUDIT_EXPORT_LIMIT).execute()
    },

    async subjectTypes(ctx: Context) {
      assertCan(ctx.user, 'audit:read')
      return distinctValues('subject_type')
    },
  }
}

export type AuditReader = ReturnType<typeof createAuditReader>
