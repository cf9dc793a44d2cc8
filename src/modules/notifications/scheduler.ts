import { systemContext } from '#src/platform/auth/user.ts'
import type { AlertsService } from './alerts.ts'
import type { NotificationsService } from './service.ts'

/** How often the scheduled work runs: hourly, so a request goes out within the hour its day begins. */
const EVERY_HOUR_MS = 60 * 60 * 1000

/** How long after start the first run waits: the first pages are served before its queries are run. */
const FIRST_RUN_AFTER_MS = 60 * 1000

/**
 * Runs the scheduled sending a minute after start and then every hour, in the serving process. What it
 * sends is kept once by key in the database, so a restart or a second process never sends twice.
 * `stop` ends it; `running` is the latest run, for closing to wait for.
 */
export function startScheduler(
  service: Pick<NotificationsService, 'sendUpdateRequests' | 'sendOverdueDigest'> & Pick<AlertsService, 'sendAlerts'>,
  log: { info: (message: string) => void; error: (message: string) => void },
  intervalMs = EVERY_HOUR_MS,
  firstAfterMs = FIRST_RUN_AFTER_MS,
) {
  const ctx = systemContext('scheduled messages')
  const run = async () => {
    try {
      const sent = await service.sendUpdateRequests(ctx)
      if (sent) log.info(`Sent ${sent} update request${sent === 1 ? '' : 's'}`)
      const digests = await service.sendOverdueDigest(ctx)
      if (digests) log.info(`Sent ${digests} overdue digest${digests === 1 ? '' : 's'}`)
      const alerted = await service.sendAlerts(ctx)
      if (alerted) log.info(`Sent ${alerted} email alert${alerted === 1 ? '' : 's'}`)
    } catch (error) {
      log.error(`Scheduled messages failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  let running: Promise<void> | undefined
  const start = () => {
    running = run()
  }
  const first = setTimeout(start, firstAfterMs)
  const timer = setInterval(start, intervalMs)
  first.unref()
  timer.unref()
  return {
    get running() {
      return running
    },
    stop: () => {
      clearTimeout(first)
      clearInterval(timer)
    },
  }
}
