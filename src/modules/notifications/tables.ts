import type { CreatedAt, IsoDate, Json, Uuid } from '#src/platform/db/column-types.ts'

/** How a message left: kept only (no delivery service set up), waiting for GOV.UK Notify, sent to it, or failed. */
export type Delivery = 'outbox' | 'queued' | 'sent' | 'failed'

/** An email as sent: kept whether or not a delivery service is set up, for admins to read. */
export interface OutboxMessagesTable {
  id: Uuid
  /** What kind of message: one of templates.ts's MESSAGE_KINDS. */
  kind: string
  /** What the message is about, once: a second message with the same key is never kept or sent. */
  dedupeKey: string
  userId: string | null
  recipient: string
  subject: string
  body: string
  /** The app's day it was sent. */
  createdOn: IsoDate
  createdAt: CreatedAt
  /** What fills its template's placeholders in GOV.UK Notify; null for messages kept before there was one. */
  personalisation: Json<Record<string, string | string[]> | null>
  delivery: Delivery
  /** GOV.UK Notify's id for it, once Notify has accepted it. */
  notifyId: string | null
  /** Notify's latest word on it: created, sending, delivered, permanent-failure, … */
  notifyStatus: string | null
  /** Why it could not be delivered, when it could not. */
  deliveryError: string | null
}

/** Someone who asked for an email when a body publishes papers; only this is kept about them. */
export interface AlertSubscriptionsTable {
  id: Uuid
  bodyId: string
  email: string
  /** Random, 32 bytes in base64url: the capability in the links to confirm and to leave. */
  token: string
  /** Null until the confirming link is followed; alerts cover what is published from this day. */
  confirmedOn: IsoDate | null
  createdAt: CreatedAt
}

export interface NotificationsTables {
  outboxMessages: OutboxMessagesTable
  alertSubscriptions: AlertSubscriptionsTable
}
