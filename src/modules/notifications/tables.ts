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

export interface NotificationsTables {
  outboxMessages: OutboxMessagesTable
}
