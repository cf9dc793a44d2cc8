import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import type { Delivery } from './tables.ts'

export interface NewMessage {
  kind: string
  dedupeKey: string
  userId: string | null
  recipient: string
  subject: string
  body: string
  createdOn: string
  personalisation: Record<string, string | string[]>
  delivery: Delivery
}

/** The longest delivery error kept. */
const ERROR_LENGTH = 2000

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
        .values({ ...message, personalisation: JSON.stringify(message.personalisation) })
        .onConflict((conflict) => conflict.column('dedupeKey').doNothing())
        .returning(['id', 'recipient', 'subject'])
        .executeTakeFirst()
    },

    /**
     * One page of the outbox, newest first (only the failed messages when asked), how many it holds, and
     * how many failed in all.
     */
    async page(page: number, pageSize: number, onlyFailed: boolean) {
      const [rows, count] = await Promise.all([
        db
          .selectFrom('outboxMessages')
          .select([
            'id',
            'kind',
            'recipient',
            'subject',
            'body',
            'createdOn',
            'createdAt',
            'delivery',
            'notifyId',
            'notifyStatus',
            'deliveryError',
          ])
          .$if(onlyFailed, (query) => query.where('delivery', '=', 'failed'))
          .orderBy('createdAt', 'desc')
          .orderBy('id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db
          .selectFrom('outboxMessages')
          .select([
            sql<string>`count(*)`.as('total'),
            sql<string>`count(*) filter (where delivery = 'failed')`.as('failed'),
          ])
          .executeTakeFirstOrThrow(),
      ])
      return {
        rows,
        total: Number(onlyFailed ? count.failed : count.total),
        failed: Number(count.failed),
      }
    },

    /** A message as it is to be delivered. */
    message(id: string) {
      return db
        .selectFrom('outboxMessages')
        .select(['id', 'kind', 'recipient', 'personalisation', 'delivery', 'notifyId', 'notifyStatus'])
        .where('id', '=', id)
        .executeTakeFirst()
    },

    /** Records that GOV.UK Notify accepted a message, with its id and first status. */
    async markSent(trx: Trx, id: string, notifyId: string, notifyStatus: string) {
      await trx
        .updateTable('outboxMessages')
        .set({ delivery: 'sent', notifyId, notifyStatus, deliveryError: null })
        .where('id', '=', id)
        .execute()
    },

    /** Records Notify's latest status of a message, and its failure when Notify could not deliver it. */
    async markStatus(trx: Trx, id: string, notifyStatus: string, failure: string | null) {
      await trx
        .updateTable('outboxMessages')
        .set({ notifyStatus, ...(failure ? { delivery: 'failed' as const, deliveryError: failure } : {}) })
        .where('id', '=', id)
        .execute()
    },

    /** Records that a message could not be delivered, and why. */
    async markFailed(trx: Trx, id: string, error: string) {
      await trx
        .updateTable('outboxMessages')
        .set({ delivery: 'failed', deliveryError: error.slice(0, ERROR_LENGTH) })
        .where('id', '=', id)
        .execute()
    },

    /** Puts a failed message back in the queue; the message, or undefined when it had not failed. */
    requeue(trx: Trx, id: string) {
      return trx
        .updateTable('outboxMessages')
        .set({ delivery: 'queued', deliveryError: null, notifyId: null, notifyStatus: null })
        .where('id', '=', id)
        .where('delivery', '=', 'failed')
        .returning(['id', 'subject'])
        .executeTakeFirst()
    },
  }
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>
