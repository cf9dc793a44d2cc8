import { randomBytes } from 'node:crypto'
import { format, parseISO, subDays } from 'date-fns'
import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { longDateWithDay } from '#src/platform/views/filters.ts'
import type { AlertsRepository, Publication } from './alerts-repository.ts'
import type { Outbox } from './outbox.ts'

export interface AlertsDeps {
  db: Db
  alerts: AlertsRepository
  outbox: Outbox
  clock: Clock
  baseUrl: string
  /** The body with this slug, as the public sees it (NotFoundError when there is none). */
  bodyBySlug: (ctx: Context, slug: string) => Promise<{ id: string; name: string; slug: string }>
}

/** How far back the hourly check looks for papers to announce: a week covers any restart. */
const LOOK_BACK_DAYS = 7

const subjectType = 'alert subscription'

/** A random token for the links of a subscription: 32 bytes, 43 characters of base64url. */
const newToken = () => randomBytes(32).toString('base64url')

/** "Agenda for the meeting on Thursday 25 January 2024", and the like. */
export function publicationTitle(publication: Publication): string {
  const meeting = publication.meetingDate ? `the meeting on ${longDateWithDay(publication.meetingDate)}` : ''
  switch (publication.kind) {
    case 'agenda':
      return `Agenda for ${meeting}`
    case 'supplement':
      return `Supplementary agenda ${publication.name} for ${meeting}`
    case 'minutes':
      return `Minutes of ${meeting}`
    case 'decision':
      return `Decision: ${publication.name}`
  }
}

/**
 * Email alerts for anyone: subscribe to a body with an address, confirm by the link sent to it
 * (double opt-in), and leave by the link in every message. Only the address, the body and the
 * token are kept, and the address is forgotten on leaving. No answer reveals whether an address
 * was already subscribed.
 */
export function createAlertsService(deps: AlertsDeps) {
  const { db, alerts, outbox, clock, baseUrl } = deps

  async function subscriptionOf(token: string) {
    const found = /^[A-Za-z0-9_-]{43}$/.test(token) ? await alerts.findByToken(token) : undefined
    if (!found) throw new NotFoundError('Subscription')
    return found
  }

  return {
    /** The body whose papers someone asks to hear about. */
    async alertsBody(ctx: Context, slug: string) {
      return deps.bodyBySlug(ctx, slug)
    },

    /**
     * Asks for alerts about a body's papers: a new address, or one not yet confirmed, is sent a link to
     * confirm (a new link each time); an address already confirmed is sent nothing. Either way the
     * person is told the same thing.
     */
    async subscribe(ctx: Context, slug: string, email: string) {
      const body = await deps.bodyBySlug(ctx, slug)
      const today = clock.today()
      await withTransaction(db, async (trx) => {
        const existing = await alerts.findByBodyAndEmail(trx, body.id, email)
        if (existing?.confirmedOn) return
        const token = newToken()
        const subscription = existing
          ? await alerts.renew(trx, existing.id, token)
          : await alerts.insert(trx, { bodyId: body.id, email, token })
        await outbox.keep(trx, {
          kind: 'alert confirmation',
          dedupeKey: `alert-confirm:${token}:${subscription.id}`,
          userId: null,
          recipient: email,
          personalisation: { body_name: body.name, confirm_url: `${baseUrl}/alerts/${token}/confirm` },
          createdOn: today,
        })
        // The address is the subscriber's own business: never in the audit trail.
        await recordAudit(trx, ctx, {
          action: existing ? 'asked again for email alerts' : 'asked for email alerts',
          subjectType,
          subjectId: subscription.id,
          after: { bodyId: body.id },
        })
      })
      return body
    },

    /** The subscription of a confirming or leaving link, with its body; NotFoundError for an unknown link. */
    async subscription(_ctx: Context, token: string) {
      const found = await subscriptionOf(token)
      return { bodyName: found.bodyName, bodySlug: found.bodySlug, confirmed: found.confirmedOn !== null }
    },

    /** Confirms a subscription: alerts cover what the body publishes from today. Confirming twice is harmless. */
    async confirm(ctx: Context, token: string) {
      const found = await subscriptionOf(token)
      await withTransaction(db, async (trx) => {
        const confirmed = await alerts.confirm(trx, found.id, clock.today())
        if (confirmed)
          await recordAudit(trx, ctx, {
            action: 'confirmed email alerts',
            subjectType,
            subjectId: found.id,
            after: { bodyId: found.bodyId, confirmedOn: confirmed.confirmedOn },
          })
      })
      return { bodyName: found.bodyName, bodySlug: found.bodySlug }
    },

    /** Ends a subscription and forgets its address, on the messages already sent too. */
    async unsubscribe(ctx: Context, token: string) {
      const found = await subscriptionOf(token)
      await withTransaction(db, async (trx) => {
        await alerts.remove(trx, found.id)
        await alerts.forgetRecipient(trx, found.id)
        await recordAudit(trx, ctx, {
          action: 'stopped email alerts',
          subjectType,
          subjectId: found.id,
          before: { bodyId: found.bodyId },
        })
      })
      return { bodyName: found.bodyName, bodySlug: found.bodySlug }
    },

    /**
     * Sends each confirmed subscriber one email for each paper their body has published since they
     * confirmed (looking back a week at most): each subscriber hears of each paper once, however often
     * this runs and in however many processes. Returns how many were sent.
     */
    async sendAlerts(ctx: Context) {
      const today = clock.today()
      const from = format(subDays(parseISO(today), LOOK_BACK_DAYS), 'yyyy-MM-dd')
      const subscriptions = await alerts.confirmed()
      const published = await alerts.publishedSince([...new Set(subscriptions.map((s) => s.bodyId))], from)
      let sent = 0
      for (const subscription of subscriptions)
        for (const publication of published) {
          if (publication.bodyId !== subscription.bodyId || publication.on < subscription.confirmedOn!) continue
          const title = publicationTitle(publication)
          const kept = await withTransaction(db, async (trx) => {
            const message = await outbox.keep(trx, {
              kind: 'alert',
              dedupeKey: `alert:${publication.kind}:${publication.id}:${subscription.id}`,
              userId: null,
              recipient: subscription.email,
              personalisation: {
                body_name: subscription.bodyName,
                title,
                url: `${baseUrl}${publication.href}`,
                unsubscribe_url: `${baseUrl}/alerts/${subscription.token}/unsubscribe`,
              },
              createdOn: today,
            })
            if (message)
              await recordAudit(trx, ctx, {
                action: 'sent an email alert',
                subjectType,
                subjectId: subscription.id,
                after: { kind: publication.kind, id: publication.id },
              })
            return message
          })
          if (kept) sent += 1
        }
      return sent
    },
  }
}

export type AlertsService = ReturnType<typeof createAlertsService>
