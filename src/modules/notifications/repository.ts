import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'

export interface NewMessage {
  kind: string
  dedupeKey: string
  userId: string | null
  recipient: string
  subject: string
  body: string
  createdOn: string
}

/** Queries for the outbox and for whom a message goes to. No decisions here. */
export function createNotificationsRepository(db: Db) {
  return {
    /** Meetings from after `from` to `to`, with their body, that are neither cancelled nor postponed. */
    meetingsBetween(from: string, to: string) {
      return db
        .selectFrom('meetings')
        .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
        .select(['meetings.id', 'meetings.slug', 'meetings.date', 'meetings.bodyId', 'bodies.name as bodyName'])
        .where('meetings.date', '>', from)
        .where('meetings.date', '<=', to)
        .where('meetings.status', 'not in', ['cancelled', 'postponed'])
        .orderBy('meetings.date')
        .execute()
    },

    /** The accounts linked to these people that are not disabled. */
    activeAccountsOf(personIds: string[]) {
      if (personIds.length === 0) return Promise.resolve([])
      return db
        .selectFrom('users')
        .select(['id', 'email', 'name', 'personId'])
        .where('personId', 'in', personIds)
        .where('disabledAt', 'is', null)
        .execute()
    },

    /** The active accounts of a role. */
    activeAccountsWithRole(role: 'scrutiny_officer') {
      return db
        .selectFrom('users')
        .select(['id', 'email', 'name'])
        .where('role', '=', role)
        .where('disabledAt', 'is', null)
        .orderBy('email')
        .execute()
    },

    /** The day the message with this key was sent; undefined when none was. */
    async sentOn(dedupeKey: string) {
      const row = await db
        .selectFrom('outboxMessages')
        .select('createdOn')
        .where('dedupeKey', '=', dedupeKey)
        .executeTakeFirst()
      return row?.createdOn
    },

    /** Keeps a message unless one with its key is kept already; the message kept, or undefined. */
    keep(trx: Trx, message: NewMessage) {
      return trx
        .insertInto('outboxMessages')
        .values(message)
        .onConflict((conflict) => conflict.column('dedupeKey').doNothing())
        .returning(['id', 'recipient', 'subject'])
        .executeTakeFirst()
    },

    /** One page of the outbox, newest first, and how many messages it holds. */
    async page(page: number, pageSize: number) {
      const [rows, count] = await Promise.all([
        db
          .selectFrom('outboxMessages')
          .select(['id', 'kind', 'recipient', 'subject', 'body', 'createdOn', 'createdAt'])
          .orderBy('createdAt', 'desc')
          .orderBy('id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db
          .selectFrom('outboxMessages')
          .select(sql<string>`count(*)`.as('total'))
          .executeTakeFirstOrThrow(),
      ])
      return { rows, total: Number(count.total) }
    },
  }
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>
