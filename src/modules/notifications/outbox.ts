import type { Trx } from '#src/database.ts'
import type { JobQueue } from '#src/platform/jobs/index.ts'
import type { NotificationsRepository } from './repository.ts'
import { type MessageKind, type Personalisation, compose } from './templates.ts'

/** The job that sends one outbox message through GOV.UK Notify. */
export const DELIVER_EMAIL = 'deliver email'
/** The job that asks Notify whether a message it accepted has been delivered. */
export const CHECK_EMAIL = 'check email status'

export interface OutgoingMessage<K extends MessageKind> {
  kind: K
  /** What the message is about: a second one with the same key is never kept or sent. */
  dedupeKey: string
  userId: string | null
  recipient: string
  personalisation: Personalisation<K>
  /** The app's day. */
  createdOn: string
}

/**
 * Where every message goes: kept in the outbox, written from its kind's template, once by its key; and
 * when GOV.UK Notify is set up, queued for delivery in the same transaction.
 */
export function createOutbox(deps: { repository: NotificationsRepository; queue: JobQueue; delivering: boolean }) {
  return {
    /** Keeps a message unless one with its key is kept already; the message kept, or undefined. */
    async keep<K extends MessageKind>(trx: Trx, message: OutgoingMessage<K>) {
      const { subject, body } = compose(message.kind, message.personalisation)
      const kept = await deps.repository.keep(trx, {
        ...message,
        subject,
        body,
        delivery: deps.delivering ? 'queued' : 'outbox',
      })
      if (kept && deps.delivering) await deps.queue.enqueue(trx, DELIVER_EMAIL, kept.id)
      return kept
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
