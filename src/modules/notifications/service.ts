import { addDays, format, parseISO, startOfISOWeek, subDays } from 'date-fns'
import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { longDate, longDateWithDay } from '#src/platform/views/filters.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import type { JobQueue } from '#src/platform/jobs/index.ts'
import { DELIVER_EMAIL, type Outbox } from './outbox.ts'
import type { NotificationsRepository } from './repository.ts'
import { reminderDue, updateRequestsDue } from './rules.ts'

/** One thing someone is asked to update, as the module that owns it words it, and where to post the update. */
export interface WantedUpdate {
  personId: string
  line: string
  href: string
  /** The day of its latest update; null when it has none. */
  updatedOn: string | null
}

export interface NotificationsDeps {
  db: Db
  repository: NotificationsRepository
  outbox: Outbox
  queue: JobQueue
  /** True when GOV.UK Notify is set up, so that messages are delivered, not only kept. */
  delivering: boolean
  clock: Clock
  /** The app's public address, for the links in a message. */
  baseUrl: string
  /** How many working days before a meeting the requests go out. */
  updateRequestDays: (ctx: Context) => Promise<number>
  /** The open recommendations of a body with their officers (the recommendations module's). */
  recommendationsWanted: (ctx: Context, bodyId: string, on: string) => Promise<WantedUpdate[]>
  /** The milestones red or due, of the plans a meeting considers, with their leads (the improvement module's). */
  milestonesWanted: (ctx: Context, meeting: { id: string; date: string }, on: string) => Promise<WantedUpdate[]>
  /** What turned red between two days: recommendations (their module's) and plan milestones (improvement's). */
  turnedRed: (ctx: Context, from: string, to: string) => Promise<{ line: string; href: string }[]>
}

export const OUTBOX_PAGE_SIZE = 50

/** Far enough ahead to cover any number of working days the setting allows (30), holidays and all. */
const LOOK_AHEAD_DAYS = 60

/**
 * Messages: what Oversight sends, kept in the outbox, and the update requests it sends before each
 * meeting to the people responsible for what the meeting will look at.
 */
export function createNotificationsService(deps: NotificationsDeps) {
  const { db, repository: repo, clock } = deps

  /** Each thing wanted as one line of a list: what it is, then where to post the update. */
  const listed = (items: { line: string; href: string }[]) =>
    items.map((item) => `${item.line}: ${deps.baseUrl}${item.href}`)

  /** Keeps one message to an account about a meeting, with its audit event; false when its key was kept already. */
  async function keep(
    ctx: Context,
    meetingId: string,
    account: { id: string; email: string; name: string },
    kind: 'update request' | 'update reminder',
    dedupeKey: string,
    meeting: { bodyName: string; date: string },
    items: WantedUpdate[],
  ) {
    return withTransaction(db, async (trx) => {
      const message = await deps.outbox.keep(trx, {
        kind,
        dedupeKey,
        userId: account.id,
        recipient: account.email,
        personalisation: {
          name: account.name,
          body_name: meeting.bodyName,
          meeting_date: longDateWithDay(meeting.date),
          items: listed(items),
        },
        createdOn: clock.today(),
      })
      if (message)
        await recordAudit(trx, ctx, {
          action: kind === 'update request' ? 'sent an update request' : 'sent an update reminder',
          subjectType: 'meeting',
          subjectId: meetingId,
          after: { to: message.recipient, items: items.length },
        })
      return Boolean(message)
    })
  }

  return {
    /**
     * Sends the update requests due today: for each meeting whose day for them has come (and that has
     * not yet taken place), one email to each active account of a person responsible for an open
     * recommendation of its body or leading an action with a milestone red or due in a plan it
     * considers, listing them. Three clear working days after a request, a reminder lists what has had
     * no update since it was sent, if anything. Each meeting and account gets one request and at most
     * one reminder, ever, however often this runs and in however many processes. Returns how many
     * messages were sent.
     */
    async sendUpdateRequests(ctx: Context) {
      const today = clock.today()
      const days = await deps.updateRequestDays(ctx)
      const until = format(addDays(parseISO(today), LOOK_AHEAD_DAYS), 'yyyy-MM-dd')
      let sent = 0
      for (const meeting of await repo.meetingsBetween(today, until)) {
        if (!updateRequestsDue(today, meeting.date, days)) continue
        const wanted = [
          ...(await deps.recommendationsWanted(ctx, meeting.bodyId, today)),
          ...(await deps.milestonesWanted(ctx, meeting, today)),
        ]
        const accounts = await repo.activeAccountsOf([...new Set(wanted.map((item) => item.personId))])
        for (const account of accounts) {
          const own = wanted.filter((item) => item.personId === account.personId)
          const requestKey = `update-request:${meeting.id}:${account.id}`
          const requestedOn = await repo.sentOn(requestKey)
          if (!requestedOn) {
            if (await keep(ctx, meeting.id, account, 'update request', requestKey, meeting, own)) sent += 1
            continue
          }
          if (!reminderDue(today, requestedOn, meeting.date)) continue
          const pending = own.filter((item) => item.updatedOn === null || item.updatedOn < requestedOn)
          if (pending.length === 0) continue
          const key = `update-reminder:${meeting.id}:${account.id}`
          if (await keep(ctx, meeting.id, account, 'update reminder', key, meeting, pending)) sent += 1
        }
      }
      return sent
    },

    /**
     * The weekly digest for scrutiny officers: what turned red in the seven days to today, once a week
     * (the week from Monday), to each active scrutiny officer's account. Nothing when nothing did.
     * Returns how many were sent.
     */
    async sendOverdueDigest(ctx: Context) {
      const today = clock.today()
      const week = format(startOfISOWeek(parseISO(today)), 'yyyy-MM-dd')
      const from = format(subDays(parseISO(today), 7), 'yyyy-MM-dd')
      const red = await deps.turnedRed(ctx, from, today)
      if (red.length === 0) return 0
      let sent = 0
      for (const account of await repo.activeAccountsWithRole('scrutiny_officer')) {
        const kept = await withTransaction(db, async (trx) => {
          const message = await deps.outbox.keep(trx, {
            kind: 'overdue digest',
            dedupeKey: `overdue-digest:${week}:${account.id}`,
            userId: account.id,
            recipient: account.email,
            personalisation: {
              name: account.name,
              count: String(red.length),
              week_to: longDate(today),
              week_to_with_day: longDateWithDay(today),
              items: listed(red),
            },
            createdOn: today,
          })
          if (message)
            await recordAudit(trx, ctx, {
              action: 'sent an overdue digest',
              subjectType: 'user',
              subjectId: account.id,
              after: { to: message.recipient, items: red.length },
            })
          return Boolean(message)
        })
        if (kept) sent += 1
      }
      return sent
    },

    /** One page of the outbox, newest first (or only the messages that could not be sent), for admins. */
    async outbox(ctx: Context, page: number, onlyFailed = false) {
      assertCan(ctx.user, 'outbox:read')
      return repo.page(page, OUTBOX_PAGE_SIZE, onlyFailed)
    },

    /** Sends a message that could not be sent again, from the start. */
    async retryDelivery(ctx: Context, id: string) {
      assertCan(ctx.user, 'outbox:retry')
      if (!deps.delivering) throw new NotFoundError('Message')
      await withTransaction(db, async (trx) => {
        const message = await repo.requeue(trx, id)
        if (!message) throw new NotFoundError('Message')
        await deps.queue.enqueue(trx, DELIVER_EMAIL, message.id)
        await recordAudit(trx, ctx, {
          action: 'tried sending an email again',
          subjectType: 'outbox message',
          subjectId: message.id,
          after: { subject: message.subject },
        })
      })
    },
  }
}

export type NotificationsService = ReturnType<typeof createNotificationsService>
