import type { CreatedAt, IsoDate, Uuid } from '#src/platform/db/column-types.ts'

/** An email as sent: kept whether or not a delivery service is set up, for admins to read. */
export interface OutboxMessagesTable {
  id: Uuid
  /** What kind of message: 'update request'. */
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
