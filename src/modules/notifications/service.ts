import { addDays, format, parseISO } from 'date-fns'
import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { longDateWithDay } from '#src/platform/views/filters.ts'
import type { NotificationsRepository } from './repository.ts'
import { updateRequestsDue } from './rules.ts'

/** One thing someone is asked to update, as the module that owns it words it, and where to post the update. */
export interface WantedUpdate {
  personId: string
  line: string
  href: string
}

export interface NotificationsDeps {
  db: Db
  repository: NotificationsRepository
  clock: Clock
  /** The app's public address, for the links in a message. */
  baseUrl: string
  /** How many working days before a meeting the requests go out. */
  updateRequestDays: (ctx: Context) => Promise<number>
  /** The open recommendations of a body with their officers (the recommendations module's). */
  recommendationsWanted: (ctx: Context, bodyId: string, on: string) => Promise<WantedUpdate[]>
  /** The milestones red or due, of the plans a meeting considers, with their leads (the improvement module's). */
  milestonesWanted: (ctx: Context, meeting: { id: string; date: string }, on: string) => Promise<WantedUpdate[]>
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

  function requestBody(name: string, meeting: { bodyName: string; date: string }, wanted: WantedUpdate[]) {
    const lines = wanted.flatMap((item) => [`- ${item.line}`, `  ${deps.baseUrl}${item.href}`])
    return [
      `Dear ${name},`,
      '',
      `${meeting.bodyName} meets on ${longDateWithDay(meeting.date)}. Please post an update on each of these before then, so that the committee reads where things stand:`,
      '',
      ...lines,
      '',
      `You are receiving this because you are named as responsible for them in Oversight.`,
    ].join('\n')
  }

  return {
    /**
     * Sends the update requests due today: for each meeting whose day for them has come (and that has
     * not yet taken place), one email to each active account of a person responsible for an open
     * recommendation of its body or leading an action with a milestone red or due in a plan it
     * considers, listing them. Each meeting and account gets one, ever, however often this runs and in
     * however many processes. Returns how many were sent.
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
          const kept = await withTransaction(db, async (trx) => {
            const message = await repo.keep(trx, {
              kind: 'update request',
              dedupeKey: `update-request:${meeting.id}:${account.id}`,
              userId: account.id,
              recipient: account.email,
              subject: `Updates wanted before ${meeting.bodyName} on ${longDateWithDay(meeting.date)}`,
              body: requestBody(account.name, meeting, own),
              createdOn: today,
            })
            if (message)
              await recordAudit(trx, ctx, {
                action: 'sent an update request',
                subjectType: 'meeting',
                subjectId: meeting.id,
                after: { to: message.recipient, items: own.length },
              })
            return message
          })
          if (kept) sent += 1
        }
      }
      return sent
    },

    /** One page of the outbox, newest first, for admins. */
    async outbox(ctx: Context, page: number) {
      assertCan(ctx.user, 'outbox:read')
      return repo.page(page, OUTBOX_PAGE_SIZE)
    },
  }
}

export type NotificationsService = ReturnType<typeof createNotificationsService>
