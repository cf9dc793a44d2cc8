import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import type { Delivery } from './tables.ts'

/** A paper a body published that alerts announce. */
export interface Publication {
  kind: 'agenda' | 'supplement' | 'minutes' | 'decision'
  id: string
  bodyId: string
  /** The day it was published. */
  on: string
  /** The meeting's date, for an agenda, a supplement or minutes. */
  meetingDate: string | null
  /** A supplement's number, or a decision's title; '' otherwise. */
  name: string
  href: string
}

const columns = ['id', 'bodyId', 'email', 'token', 'confirmedOn'] as const

/** Queries for alert subscriptions and what bodies published. No decisions here. */
export function createAlertsRepository(db: Db) {
  /** Subscriptions with their body's name and address. */
  const withBody = () =>
    db
      .selectFrom('alertSubscriptions')
      .innerJoin('bodies', 'bodies.id', 'alertSubscriptions.bodyId')
      .select([
        'alertSubscriptions.id',
        'alertSubscriptions.bodyId',
        'alertSubscriptions.email',
        'alertSubscriptions.token',
        'alertSubscriptions.confirmedOn',
        'bodies.name as bodyName',
        'bodies.slug as bodySlug',
      ])

  return {
    findByBodyAndEmail(trx: Trx, bodyId: string, email: string) {
      return trx
        .selectFrom('alertSubscriptions')
        .select(columns)
        .where('bodyId', '=', bodyId)
        .where('email', '=', email)
        .forUpdate()
        .executeTakeFirst()
    },
    findByToken(token: string) {
      return withBody().where('alertSubscriptions.token', '=', token).executeTakeFirst()
    },
    insert(trx: Trx, subscription: { bodyId: string; email: string; token: string }) {
      return trx.insertInto('alertSubscriptions').values(subscription).returning(columns).executeTakeFirstOrThrow()
    },
    /** A new token for a subscription not yet confirmed: the earlier confirming link stops working. */
    renew(trx: Trx, id: string, token: string) {
      return trx
        .updateTable('alertSubscriptions')
        .set({ token })
        .where('id', '=', id)
        .returning(columns)
        .executeTakeFirstOrThrow()
    },
    confirm(trx: Trx, id: string, on: string) {
      return trx
        .updateTable('alertSubscriptions')
        .set({ confirmedOn: on })
        .where('id', '=', id)
        .where('confirmedOn', 'is', null)
        .returning(columns)
        .executeTakeFirst()
    },
    remove(trx: Trx, id: string) {
      return trx.deleteFrom('alertSubscriptions').where('id', '=', id).executeTakeFirst()
    },
    /** Forgets the address on the messages sent about a subscription, once its owner leaves. */
    forgetRecipient(trx: Trx, subscriptionId: string) {
      return (
        trx
          .updateTable('outboxMessages')
          // One still waiting for delivery is not sent: there is no address to send it to.
          .set({
            recipient: 'removed on leaving',
            delivery: sql<Delivery>`case when delivery = 'queued' then 'outbox' else delivery end`,
          })
          .where(sql<boolean>`dedupe_key like ${`alert%:${subscriptionId}`}`)
          .execute()
      )
    },
    /** Confirmed subscriptions with their body's name. */
    confirmed() {
      return withBody().where('alertSubscriptions.confirmedOn', 'is not', null).execute()
    },

    /** What these bodies published on or after `from`: agendas, supplementary agendas, minutes and decisions. */
    async publishedSince(bodyIds: string[], from: string): Promise<Publication[]> {
      if (bodyIds.length === 0) return []
      const [agendas, supplements, minutes, decisions] = await Promise.all([
        db
          .selectFrom('meetings')
          .select(['id', 'bodyId', 'slug', 'date', 'agendaPublishedOn'])
          .where('bodyId', 'in', bodyIds)
          .where('agendaPublishedOn', '>=', from)
          .execute(),
        db
          .selectFrom('agendaSupplements')
          .innerJoin('meetings', 'meetings.id', 'agendaSupplements.meetingId')
          .select([
            'agendaSupplements.id',
            'agendaSupplements.number',
            'agendaSupplements.publishedOn',
            'meetings.bodyId',
            'meetings.slug',
            'meetings.date',
          ])
          .where('meetings.bodyId', 'in', bodyIds)
          .where('agendaSupplements.publishedOn', '>=', from)
          .execute(),
        db
          .selectFrom('minutes')
          .innerJoin('meetings', 'meetings.id', 'minutes.meetingId')
          .select([
            'meetings.id',
            'meetings.bodyId',
            'meetings.slug',
            'meetings.date',
            sql<string>`to_char(minutes.published_at, 'YYYY-MM-DD')`.as('publishedOn'),
          ])
          .where('meetings.bodyId', 'in', bodyIds)
          .where('minutes.status', 'in', ['published', 'approved'])
          .where(sql<boolean>`minutes.published_at >= ${from}::date`)
          .execute(),
        db
          .selectFrom('decisions')
          .select(['id', 'slug', 'title', 'takerBodyId', 'publishedOn'])
          .where('takerBodyId', 'in', bodyIds)
          .where('publishedOn', '>=', from)
          .execute(),
      ])
      return [
        ...agendas.map((row) => ({
          kind: 'agenda' as const,
          id: row.id,
          bodyId: row.bodyId,
          on: row.agendaPublishedOn!,
          meetingDate: row.date,
          name: '',
          href: `/meetings/${row.slug}`,
        })),
        ...supplements.map((row) => ({
          kind: 'supplement' as const,
          id: row.id,
          bodyId: row.bodyId,
          on: row.publishedOn,
          meetingDate: row.date,
          name: String(row.number),
          href: `/meetings/${row.slug}#supplements`,
        })),
        ...minutes.map((row) => ({
          kind: 'minutes' as const,
          id: row.id,
          bodyId: row.bodyId,
          on: row.publishedOn,
          meetingDate: row.date,
          name: '',
          href: `/meetings/${row.slug}/minutes`,
        })),
        ...decisions.map((row) => ({
          kind: 'decision' as const,
          id: row.id,
          bodyId: row.takerBodyId!,
          on: row.publishedOn!,
          meetingDate: null,
          name: row.title,
          href: `/decisions/${encodeURIComponent(row.slug)}`,
        })),
      ]
    },
  }
}

export type AlertsRepository = ReturnType<typeof createAlertsRepository>
