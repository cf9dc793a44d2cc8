import type { AxiosError } from 'axios'
import type { NotifyClient } from 'notifications-node-client'
import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { type JobHandler, type JobQueue, PermanentJobError } from '#src/platform/jobs/index.ts'
import { CHECK_EMAIL, DELIVER_EMAIL } from './outbox.ts'
import type { NotificationsRepository } from './repository.ts'
import type { MessageKind } from './templates.ts'

/** GOV.UK Notify as the council set it up: its API key, a template for each kind of message. */
export interface NotifySettings {
  apiKey: string
  /** Notify's API address; a local stand-in in the tests. Notify's own when unset. */
  baseUrl?: string
  templates: Record<MessageKind, string>
}

/** How long to wait for Notify: less than a job is held for (LOCK_MS), so no other process takes it over meanwhile. */
const TIMEOUT_MS = 20_000

/** How long after sending to first ask Notify whether the message was delivered. */
const FIRST_CHECK_MS = 60_000

/** Notify's statuses after which nothing more happens to an email, and what a failure means. */
const FINAL_STATUSES: Record<string, string | null> = {
  delivered: null,
  'permanent-failure': 'GOV.UK Notify could not deliver it: the address does not exist or refused it',
  'temporary-failure': 'GOV.UK Notify could not deliver it: the inbox was full or unavailable',
  'technical-failure': 'GOV.UK Notify could not deliver it because of a problem at Notify',
}

/**
 * What went wrong with a request to Notify, as an error the job runner understands: Notify's refusal of
 * the request itself (400, 403) will not mend by trying again; being busy (429), failing (5xx) or out of
 * reach may.
 */
export function notifyError(error: unknown): Error {
  // As axios's own isAxiosError tells, without loading axios when the app starts.
  const isAxiosError = (value: unknown): value is AxiosError =>
    typeof value === 'object' && value !== null && (value as { isAxiosError?: unknown }).isAxiosError === true
  if (!isAxiosError(error)) return error instanceof Error ? error : new Error(String(error))
  const status = error.response?.status
  const data = error.response?.data as { errors?: { error?: string; message?: string }[] } | undefined
  const said = data?.errors
    ?.map((entry) => entry.message ?? entry.error)
    .filter(Boolean)
    .join('; ')
  if (status === undefined) return new Error(`GOV.UK Notify could not be reached: ${error.code ?? error.message}`)
  const message = `GOV.UK Notify answered ${status}${said ? `: ${said}` : ''}`
  return status === 400 || status === 403 ? new PermanentJobError(message) : new Error(message)
}

/** The jobs that deliver the outbox through GOV.UK Notify, and follow each message until Notify is done with it. */
export function notifyJobs(deps: {
  db: Db
  repository: NotificationsRepository
  queue: JobQueue
  notify: NotifySettings
}): Record<string, JobHandler> {
  const { db, repository: repo, queue, notify } = deps
  // Made when the first job runs, not when the app starts (issue 15: start-up time).
  let made: Promise<NotifyClient> | undefined
  const clientOf = () =>
    (made ??= Promise.all([import('notifications-node-client'), import('axios')]).then(
      ([{ NotifyClient: Client }, { default: axios }]) => {
        const client = notify.baseUrl ? new Client(notify.baseUrl, notify.apiKey) : new Client(notify.apiKey)
        // The client's own axios, with a timeout: Notify's client sets none.
        client.setClient(axios.create({ timeout: TIMEOUT_MS }) as unknown as Parameters<typeof client.setClient>[0])
        return client
      },
    ))
  const ctx = systemContext('email delivery')

  return {
    [DELIVER_EMAIL]: {
      async run(job, finish, now) {
        const message = await repo.message(job.subjectId)
        // Sent already (the process stopped before the job was marked done), or no longer to be sent.
        if (!message || message.delivery !== 'queued' || message.notifyId) return
        const kind = message.kind as MessageKind
        const personalisation = message.personalisation ?? {}
        const client = await clientOf()
        const response = await client
          .sendEmail(notify.templates[kind], message.recipient, {
            personalisation,
            reference: message.id,
            ...(kind === 'alert' && typeof personalisation.unsubscribe_url === 'string'
              ? { oneClickUnsubscribeURL: personalisation.unsubscribe_url }
              : {}),
          })
          .catch((error: unknown) => {
            throw notifyError(error)
          })
        await withTransaction(db, async (trx) => {
          await repo.markSent(trx, message.id, response.data.id, 'created')
          await queue.enqueue(trx, CHECK_EMAIL, message.id, new Date(now.getTime() + FIRST_CHECK_MS))
          await recordAudit(trx, ctx, {
            action: 'sent an email through GOV.UK Notify',
            subjectType: 'outbox message',
            subjectId: message.id,
            after: { notifyId: response.data.id },
          })
          await finish(trx)
        })
      },
      async gaveUp(trx, job, error) {
        await repo.markFailed(trx, job.subjectId, error)
        await recordAudit(trx, ctx, {
          action: 'could not send an email',
          subjectType: 'outbox message',
          subjectId: job.subjectId,
          after: { error, attempts: job.attempts },
        })
      },
    },

    [CHECK_EMAIL]: {
      async run(job, finish) {
        const message = await repo.message(job.subjectId)
        if (!message?.notifyId) return
        const client = await clientOf()
        const response = await client.getNotificationById(message.notifyId).catch((error: unknown) => {
          throw notifyError(error)
        })
        const status = response.data.status
        const final = status in FINAL_STATUSES
        if (status !== message.notifyStatus)
          await withTransaction(db, async (trx) => {
            const failure = final ? FINAL_STATUSES[status] : null
            await repo.markStatus(trx, message.id, status, failure)
            await recordAudit(trx, ctx, {
              action: failure
                ? 'email not delivered'
                : status === 'delivered'
                  ? 'email delivered'
                  : 'email status changed',
              subjectType: 'outbox message',
              subjectId: message.id,
              before: { notifyStatus: message.notifyStatus },
              after: { notifyStatus: status },
            })
            if (final) await finish(trx)
          })
        // Asked again later, each time after a longer wait, until Notify is done with it.
        if (!final) throw new Error(`GOV.UK Notify has not finished with it: ${status}`)
      },
      async gaveUp() {
        // The message keeps the last status Notify gave; it was sent, so it has not failed.
      },
    },
  }
}
